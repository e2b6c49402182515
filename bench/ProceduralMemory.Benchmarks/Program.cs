using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/ProceduralMemory.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
