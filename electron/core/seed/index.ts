/**
 * Demo and synthetic data. A capability that adds its own seed data registers a step in its seed
 * module and imports that module here, so `kinerja seed` always includes it.
 */
// Capability seed steps, in the order they run (later steps build on earlier ones).
import '../skp/seed';
import '../evaluation/seed';
export { seedDemo, demoPassword, type DemoResult } from './demo';
export { seedSynthetic, type SyntheticResult } from './synthetic';
export { registerDemoStep, registerSyntheticStep, type DemoContext, type SyntheticContext } from './registry';
