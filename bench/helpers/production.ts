// React checks NODE_ENV when it loads; the UI runs it in production mode
// (see src/cli/commands/tui.ts), so the benchmarks must too. Import first.
process.env.NODE_ENV ??= 'production';
