using System.Text.Json.Nodes;
using ProceduralMemory.Cli.Tests.Library;

namespace ProceduralMemory.Cli.Tests.Commands;

/// <summary>
/// <c>procmem skills encode</c>: a library re-keyed with a situation encoder trained on it, then trained into,
/// evaluated, re-keyed again, exported and imported; and the inputs it refuses with nothing changed.
/// </summary>
public class SkillsEncodeCommandTests(TrainedLibrary library) : IClassFixture<TrainedLibrary>
{
    private static JsonNode Encode(string path, params string[] more)
    {
        CliRun run = CliRun.Of(["skills", "encode", "--library", path, "--epochs", "20", "--json", .. more]);
        Assert.True(run.ExitCode == 0, run.Error);
        return JsonNode.Parse(run.OutLines[^1])!;
    }

    private static JsonNode Export(string path, string output)
    {
        CliRun run = CliRun.Of("skills", "export", "--library", path, "--output", output);
        Assert.True(run.ExitCode == 0, run.Error);
        return JsonNode.Parse(File.ReadAllText(output))!;
    }

    [Fact]
    public void Encode_RekeysEverySkill_AndTheAgentEvaluatesTrainsAndIsReEncoded()
    {
        using var dir = new TemporaryDirectory();
        string path = library.CopyTo(dir);

        JsonNode first = Encode(path);

        string model = first["key_model"]!.GetValue<string>();
        Assert.StartsWith("situation-encoder/v1 dim=8 features=", model);
        Assert.StartsWith("random-projection/v1 ", first["previous_key_model"]!.GetValue<string>());
        JsonNode document = Export(path, dir.Combine("encoded.json"));
        Assert.Equal(model, document["key_model"]!.GetValue<string>());
        Assert.Equal(8, document["embedding_dimension"]!.GetValue<int>());
        Assert.All(document["skills"]!.AsArray(), s => Assert.Equal(8, s!["key"]!.AsArray().Count));
        Assert.Equal(first["skills"]!.GetValue<int>(), document["skills"]!.AsArray().Count);
        Assert.Contains($"keys from {model}", CliRun.Of("skills", "list", "--library", path).OutLines[0]);

        CliRun eval = CliRun.Of("eval", "--env", "doorkey-5x5", "--library", path, "--seeds", "0-3");
        Assert.True(eval.ExitCode == 0, eval.Error);
        CliRun train = CliRun.Of("train", "--env", "doorkey-5x5", "--steps", "300", "--eval-seeds", "0-1", "--library", path, "--out", dir.Combine("run"));
        Assert.True(train.ExitCode == 0, train.Error);

        JsonNode second = Encode(path, "--seed", "2", "--latent", "6");
        Assert.Equal(model, second["previous_key_model"]!.GetValue<string>());
        Assert.StartsWith("situation-encoder/v1 dim=6 ", second["key_model"]!.GetValue<string>());
        Assert.Equal(0, CliRun.Of("eval", "--env", "doorkey-5x5", "--library", path, "--seeds", "0-1").ExitCode);
    }

    [Fact]
    public void Encode_WithSeparation_StoresTheWeightWithTheEncoder_AndABadWeightChangesNothing()
    {
        using var dir = new TemporaryDirectory();
        string path = library.CopyTo(dir);
        byte[] before = File.ReadAllBytes(path);

        CliRun bad = CliRun.Of("skills", "encode", "--library", path, "--separation", "-0.5");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--separation must be a number from 0 to 1000", Assert.Single(bad.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));

        using var other = new TemporaryDirectory();
        JsonNode plain = Encode(library.CopyTo(other));
        JsonNode separated = Encode(path, "--separation", "3");
        Assert.Equal(3, separated["separation"]!.GetValue<double>());
        Assert.Equal(0, plain["separation"]!.GetValue<double>());
        Assert.NotEqual(plain["key_model"]!.GetValue<string>(), separated["key_model"]!.GetValue<string>());
        JsonNode document = Export(path, dir.Combine("separated.json"));
        var encoder = Neural.StandardizedEncoderCodec.Decode(Convert.FromBase64String(document["key_model_data"]!.GetValue<string>()));
        Assert.Equal(3f, encoder.Encoder.Options.Separation);
        Assert.Equal(0, CliRun.Of("eval", "--env", "doorkey-5x5", "--library", path, "--seeds", "0-1").ExitCode);
    }

    /// <summary>A copy of the trained library in <paramref name="dir"/>, encoded and exported to <c>export.json</c>.</summary>
    private (string Path, JsonNode Document) EncodedExport(TemporaryDirectory dir)
    {
        string path = library.CopyTo(dir), exported = dir.Combine("export.json");
        Encode(path);
        return (exported, Export(path, exported));
    }

    [Fact]
    public void AnEncodedLibrary_ExportsAndImportsIntact_WithItsEncoder()
    {
        using var dir = new TemporaryDirectory();
        string imported = dir.Combine("imported.db");
        var (exported, document) = EncodedExport(dir);
        Assert.NotNull(document["key_model_data"]);

        Assert.Equal(0, CliRun.Of("skills", "import", exported, "--library", imported).ExitCode);

        Export(imported, dir.Combine("again.json"));
        Assert.Equal(File.ReadAllText(exported), File.ReadAllText(dir.Combine("again.json")));
        Assert.Equal(0, CliRun.Of("eval", "--env", "doorkey-5x5", "--library", imported, "--seeds", "0-1").ExitCode);
    }

    [Fact]
    public void Import_OfAnEncodedExportWithoutOrWithADamagedEncoder_ExitsTwo_AndCreatesNothing()
    {
        using var dir = new TemporaryDirectory();
        var (exported, document) = EncodedExport(dir);
        string data = document["key_model_data"]!.GetValue<string>();
        foreach (string? damaged in new[] { null, "AAAA" + data[4..], "not base64!" })
        {
            JsonObject changed = document.DeepClone().AsObject();
            if (damaged is null)
                changed.Remove("key_model_data");
            else
                changed["key_model_data"] = damaged;
            File.WriteAllText(exported, changed.ToJsonString());
            string target = dir.Combine("target.db");

            CliRun run = CliRun.Of("skills", "import", exported, "--library", target);

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("$.key_model_data", Assert.Single(run.ErrorLines));
            Assert.False(File.Exists(target));
        }
    }

    [Fact]
    public void Encode_OfASkillWithoutDemonstrations_ExitsTwo_NamingIt_AndChangesNothing()
    {
        using var dir = new TemporaryDirectory();
        string exported = dir.Combine("export.json"), target = dir.Combine("target.db");
        JsonNode document = Export(library.Path, exported);
        // Skill 1 (open the door) starts no chain, so it alone is left without a key.
        JsonNode first = document["skills"]![1]!;
        first["kept_demonstrations"] = new JsonArray();
        File.WriteAllText(exported, document.ToJsonString());
        Assert.Equal(0, CliRun.Of("skills", "import", exported, "--library", target).ExitCode);
        string before = FileFingerprint.Of(target);

        CliRun run = CliRun.Of("skills", "encode", "--library", target, "--epochs", "5");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"1 skill keeps no demonstrations to key it by: #1 {first["name"]!.GetValue<string>()}", Assert.Single(run.ErrorLines));
        Assert.Contains("nothing was changed", run.ErrorLines[0]);
        Assert.Equal(before, FileFingerprint.Of(target));
    }
}
