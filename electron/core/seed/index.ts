/**
 * Demo and synthetic data. A capability that adds its own seed data registers a step in its seed
 * module and imports that module here, so `kinerja seed` always includes it.
 */
export { seedDemo, demoPassword, type DemoResult } from './demo';
export { seedSynthetic, type SyntheticResult } from './synthetic';
export { registerDemoStep, registerSyntheticStep, type DemoContext, type SyntheticContext } from './registry';
