using System.IO.Compression;
using System.Text.Json.Nodes;

namespace ProceduralMemory.Cli.Tests.Commands;

public class TauConformanceCommandTests
{
    [Fact]
    public void Conformance_OnTheRetailTraces_PassesAll615_AndExitsZero()
    {
        CliRun run = CliRun.Of("conformance", DataFiles.TauConformanceTraces("retail"));

        Assert.Equal("", run.Error);
        Assert.Equal(["615 passed, 0 failed (retail: 1350 calls, 951 records, 615 digests checked)"], run.OutLines);
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void Conformance_OnTheAirlineTraces_PassesAll50_AndExitsZero()
    {
        CliRun run = CliRun.Of("conformance", DataFiles.TauConformanceTraces("airline"));

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("50 passed, 0 failed (airline: ", Assert.Single(run.OutLines));
    }

    [Fact]
    public void Conformance_WithATamperedDigest_PrintsTheMismatch_AndExitsOne()
    {
        using var dir = new TemporaryDirectory();
        string domain = Directory.CreateDirectory(dir.Combine("airline")).FullName;
        foreach (string file in Directory.GetFiles(DataFiles.TauDomain("airline"), "*.json"))
            File.Copy(file, Path.Combine(domain, Path.GetFileName(file)));
        string[] lines = ReadGzipLines(DataFiles.TauConformanceTraces("airline")).Take(2).ToArray();
        JsonNode task = JsonNode.Parse(lines[1])!;
        task["final_digest"] = new string('0', 64);
        lines[1] = task.ToJsonString();
        string traces = Path.Combine(domain, "traces.jsonl");
        File.WriteAllLines(traces, lines);

        CliRun run = CliRun.Of("conformance", traces);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("test/1 digest: expected 0000", run.OutLines[0]);
        Assert.StartsWith("1 passed, 1 failed", run.OutLines[^1]);
    }

    [Fact]
    public void Conformance_OfATauFileOutsideADomainDirectory_ExitsTwoWithOneLine()
    {
        using var dir = new TemporaryDirectory();
        string traces = dir.Combine("traces.jsonl");
        File.WriteAllLines(traces, ReadGzipLines(DataFiles.TauConformanceTraces("airline")).Take(1));

        CliRun run = CliRun.Of("conformance", traces);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown tau-bench domain", Assert.Single(run.ErrorLines));
        Assert.Equal("", run.Out);
    }

    private static IEnumerable<string> ReadGzipLines(string path)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        while (reader.ReadLine() is string line)
            yield return line;
    }
}
