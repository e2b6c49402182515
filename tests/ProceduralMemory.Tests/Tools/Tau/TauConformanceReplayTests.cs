using System.Diagnostics;
using ProceduralMemory.Tools.Tau;
using Xunit.Abstractions;

namespace ProceduralMemory.Tests.Tools.Tau;

public sealed class TauConformanceReplayTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("retail", 615)]
    [InlineData("airline", 50)]
    public void Replay_OfEveryRecordedTask_MatchesTheReference(string name, int tasks)
    {
        TauDomain domain = name == "retail" ? TauDomains.Retail : TauDomains.Airline;
        var clock = Stopwatch.StartNew();
        var traces = TauConformanceFile.Load(DataFiles.TauConformanceTraces(name));

        TauConformanceResult result = TauConformanceReplay.Replay(domain, traces);

        output.WriteLine($"{name}: {result.Tasks} tasks, {result.Calls} calls, {result.Records} records, {result.Digests} digests in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(result.Passed, string.Join("\n", result.Mismatches.Take(20)));
        Assert.Equal(tasks, result.Tasks);
        Assert.True(result.Records > 0);
    }

    [Fact]
    public void Replay_ReportsAWrongRecordedOutput()
    {
        var trace = TauConformanceFile.Load(DataFiles.TauConformanceTraces("airline"))[0];
        var call = trace.Calls[0];
        var tampered = trace with { Calls = [call with { Output = "Error: something else" }, .. trace.Calls.Skip(1)] };

        TauConformanceResult result = TauConformanceReplay.Replay(TauDomains.Airline, [tampered]);

        Assert.False(result.Passed);
        Assert.Contains(result.Mismatches, m => m.What.StartsWith("call 0", StringComparison.Ordinal));
    }
}
