using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ProceduralMemory.Cli.Library;
using ProceduralMemory.Cli.Reports;
using ProceduralMemory.Memory.Keys;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Neural;

namespace ProceduralMemory.Cli.Commands.Skills;

/// <summary>
/// <c>procmem skills encode --library LIB [--latent N] [--epochs N] [--separation W] [--seed S] [--json]</c>: trains a situation encoder on
/// the starting situations of the library's kept demonstrations and re-keys the library with it in one transaction
/// (<see cref="SituationRekeying"/>): the manifest's key model, the encoder's bytes and every skill's key change together,
/// or nothing does. Run it again after more training and the retrained encoder (another fingerprint, so another key
/// model id) re-keys the library again. Agents then key their situations with the stored encoder.
/// </summary>
internal static class SkillsEncodeCommand
{
    public static Command Create(CliConsole console)
    {
        Option<string> library = CommonOptions.Library();
        Option<int> latent = CommonOptions.BoundedInt("--latent", "Length of the encoder's code: the new key dimension.", 8, minimum: 1, maximum: 1024);
        Option<int> epochs = CommonOptions.BoundedInt("--epochs", "Passes over the starting situations.", 300, minimum: 1, maximum: 100_000);
        Option<double> separation = CommonOptions.Separation();
        Option<int> seed = CommonOptions.Seed(1);
        Option<int> connectTimeout = CommonOptions.ConnectTimeout();
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON object on the last line." };
        var command = new Command("encode", "Train a situation encoder on a library's demonstrations and re-key every skill with it, in one transaction.")
        {
            library, latent, epochs, separation, seed, connectTimeout, json,
        };
        command.SetAction(parsed => Run(console, parsed.GetRequiredValue(library),
            new VariationalEncoderOptions
            {
                LatentSize = parsed.GetValue(latent), Epochs = parsed.GetValue(epochs), Separation = (float)parsed.GetValue(separation),
                Seed = (ulong)parsed.GetValue(seed),
            },
            TimeSpan.FromSeconds(parsed.GetValue(connectTimeout)), parsed.GetValue(json)));
        return command;
    }

    private static int Run(CliConsole console, string libraryPath, VariationalEncoderOptions options, TimeSpan connectTimeout, bool json)
    {
        // Read and trained through a read-only store, so that a refused re-key does not even upgrade an older library.
        LibraryManifest before;
        IReadOnlyList<SkillRecord> skills;
        SituationRekeying.Plan plan;
        using (ISkillStore reader = SkillStores.OpenExisting(libraryPath, readOnly: true, connectTimeout))
        {
            before = SkillStores.ManifestOf(reader, libraryPath);
            skills = reader.ReadChanges(0).Skills;
            if (skills.Count == 0)
                throw new UsageException($"{SkillStores.Describe(libraryPath)} holds no skills: there is nothing to re-key");
            try
            {
                plan = SituationRekeying.Prepare(before, skills, reader.ReadDemonstrations, options, situations => console.Error.WriteLine(
                    string.Create(CultureInfo.InvariantCulture, $"Training a situation encoder ({options.LatentSize}-number codes, {options.Epochs} epochs, separation {options.Separation}, seed {options.Seed}) on {situations} starting situations of {skills.Count} skills")));
            }
            catch (LibraryException e)
            {
                throw new LibraryException($"{SkillStores.Describe(libraryPath)}: {e.Message}; nothing was changed", e);
            }
        }
        using (ISkillStore store = SkillStores.OpenExisting(libraryPath, readOnly: false, connectTimeout))
            // A skill stored meanwhile has no new key: the commit refuses the whole re-key, and nothing changes.
            store.Commit(plan.Commit);
        console.Out.WriteLine($"Re-keyed {skills.Count} skills of {SkillStores.Describe(libraryPath)} with {plan.Provider.ModelId} " +
            $"(trained on {plan.Situations} starting situations; was {before.KeyModel})");
        console.Out.WriteLine(EncoderLossLine.Of(plan.LastEpoch));
        if (json)
            console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                library = SkillStores.Describe(libraryPath),
                key_model = plan.Provider.ModelId,
                previous_key_model = before.KeyModel,
                dimension = plan.Provider.Dimension,
                skills = skills.Count,
                situations = plan.Situations,
                latent = options.LatentSize,
                epochs = options.Epochs,
                separation = options.Separation,
                seed = options.Seed,
            }));
        return ExitCodes.Ok;
    }
}
