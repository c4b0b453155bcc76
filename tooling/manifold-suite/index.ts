// Shared manifold and optimizer test suites (filled in by the optim core work).
export {};
