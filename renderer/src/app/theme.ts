import { Badge, createTheme, darken, InputClearButton, lighten, luminance, Pagination, TableScrollContainer, type CSSVariablesResolver, type MantineTheme } from '@mantine/core';

/**
 * The app's Mantine theme, made to pass WCAG 2 AA colour contrast (docs/spec/operations.md §8) in light and
 * dark mode without touching the pages: Mantine's defaults draw dimmed text (gray.6 on white:
 * 3.3:1), light badges (yellow.9 on yellow.1: 2.7:1), coloured text and white-on-blue buttons
 * (3.6:1) below the 4.5:1 that normal-size text needs. Instead of picking shades by hand, every
 * colour variable that carries text is darkened (light mode) or lightened (dark mode) just until
 * it reaches 4.5:1 against the backgrounds it is drawn on, so a new palette colour is covered too.
 */

/** WCAG contrast ratio of two colours (any CSS colour Mantine parses). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** 4.5:1 plus a little margin for the browser's rounding and anti-aliasing. */
const minimum = 4.6;

/** `color`, darkened or lightened in small steps until it reads on every one of `backgrounds`. */
export function readable(color: string, backgrounds: string[], direction: 'darker' | 'lighter'): string {
  let c = color;
  for (let i = 0; i < 40 && backgrounds.some((bg) => contrastRatio(c, bg) < minimum); i++) {
    c = direction === 'darker' ? darken(c, 0.04) : lighten(c, 0.04);
  }
  return c;
}

export const theme = createTheme({
  primaryColor: 'blue',
  // blue.8 carries white text at 5:1 (blue.6, Mantine's default, only 3.6:1).
  primaryShade: { light: 8, dark: 8 },
  // Filled buttons and badges get black or white text, whichever reads: at a luminance of 0.18 both
  // sides of the threshold keep 4.5:1 (Mantine's default, 0.3, leaves white on yellow or orange).
  autoContrast: true,
  luminanceThreshold: 0.18,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'md',
  components: {
    // A badge is a status word ("DEFINITIF", "DIKEMBALIKAN"): Mantine cuts it with an ellipsis when
    // its row or cell is narrow ("DEFINI..."). It keeps its full width instead; the row wraps.
    Badge: Badge.extend({
      styles: {
        root: { flexShrink: 0, overflow: 'visible', maxWidth: 'none' },
        label: { overflow: 'visible', textOverflow: 'clip' },
      },
    }),
    // The × that empties a clearable Select or input is an icon-only button: give it a name.
    InputClearButton: InputClearButton.extend({ defaultProps: { 'aria-label': 'Kosongkan isian' } }),
    // A table wider than the window scrolls sideways; keyboard users reach and scroll it with Tab
    // and the arrow keys (axe: scrollable-region-focusable).
    TableScrollContainer: TableScrollContainer.extend({ defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } } }),
    // The arrows of every pager are icon-only buttons: give them names (axe: button-name).
    Pagination: Pagination.extend({
      defaultProps: {
        getControlProps: (control: 'first' | 'previous' | 'last' | 'next') => ({
          'aria-label': { first: 'Halaman pertama', previous: 'Halaman sebelumnya', next: 'Halaman berikutnya', last: 'Halaman terakhir' }[control],
        }),
      },
    }),
  },
});

/** The colour variables that carry text, recomputed to be readable (see above). */
export const cssVariablesResolver: CSSVariablesResolver = (t: MantineTheme) => {
  const white = t.white;
  const dark = t.colors.dark;
  const gray = t.colors.gray;
  const light: Record<string, string> = {};
  const darkVars: Record<string, string> = {};
  // Surfaces text sits on: the body, Paper/Table stripes (gray.0/1), the dark body and cards.
  const lightSurfaces = [white, gray[0], gray[1]];
  const darkSurfaces = [dark[7], dark[6], dark[8], dark[5]];
  // The light variant's backgrounds (alerts, light badges and buttons) of every colour but the neutrals.
  const tints = Object.keys(t.colors)
    .filter((name) => name !== 'dark' && name !== 'gray')
    .map((name) => t.colors[name]![1]);
  for (const name of Object.keys(t.colors)) {
    const c = t.colors[name]!;
    // Light mode: a light badge/alert is color.1 behind color.9 text; Text c="red" uses the filled shade.
    light[`--mantine-color-${name}-light-color`] = readable(c[9], [c[1], c[0], ...lightSurfaces], 'darker');
    light[`--mantine-color-${name}-text`] = readable(c[8], [...lightSurfaces, c[0]], 'darker');
    light[`--mantine-color-${name}-outline`] = readable(c[8], lightSurfaces, 'darker');
    // Dark mode: text and outlines are color.4 on the dark surfaces; light badges color.0 on a dark tint.
    darkVars[`--mantine-color-${name}-text`] = readable(c[4], darkSurfaces, 'lighter');
    darkVars[`--mantine-color-${name}-outline`] = readable(c[4], darkSurfaces, 'lighter');
    // Screens name dark shades for text (c="blue.8", an icon in orange.7), readable on white only:
    // in dark mode shades 7-9 are lightened to read on the dark surfaces. Filled buttons and badges,
    // which Mantine paints with shades 8 and 9, keep the real colours, given here as values.
    darkVars[`--mantine-color-${name}-filled`] = c[8];
    darkVars[`--mantine-color-${name}-filled-hover`] = c[9];
    // Not the neutrals: dark.7 is the dark body itself, gray and dark shades draw surfaces and borders.
    if (name !== 'dark' && name !== 'gray') {
      for (const shade of [7, 8, 9] as const) darkVars[`--mantine-color-${name}-${shade}`] = readable(c[shade], darkSurfaces, 'lighter');
    }
  }
  return {
    variables: {},
    light: {
      ...light,
      '--mantine-color-dimmed': readable(gray[6], [...lightSurfaces, gray[2]], 'darker'),
      '--mantine-color-error': readable(t.colors.red[8], lightSurfaces, 'darker'),
      // A link also sits in light alerts and badges (red.1 behind 'Buka SKP' on Beranda).
      '--mantine-color-anchor': readable(t.colors.blue[8], [...lightSurfaces, ...tints], 'darker'),
      // A file input's "Pilih berkas…" is text in the field, checked like any other text.
      '--mantine-color-placeholder': readable(gray[5], lightSurfaces, 'darker'),
    },
    dark: {
      ...darkVars,
      '--mantine-color-dimmed': readable(dark[2], darkSurfaces, 'lighter'),
      '--mantine-color-error': readable(t.colors.red[6], darkSurfaces, 'lighter'),
      '--mantine-color-anchor': readable(t.colors.blue[4], darkSurfaces, 'lighter'),
      '--mantine-color-placeholder': readable(dark[3], darkSurfaces, 'lighter'),
    },
  };
};


