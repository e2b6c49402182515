using ProceduralMemory.Agents;
using ProceduralMemory.Environments;
using ProceduralMemory.Memory.Contexts;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Training;

namespace ProceduralMemory.Sqlite.Tests.Agents;

/// <summary>The per-context lifecycle of an agent learning into a SQLite library, whose rows are unique by identity (preconditions, effect and variant).</summary>
public class ContextLifecycleStoreTests
{
    // As in ContextLifecycleAgentTests: strict enough that doorkey-8x8 (3,000 steps, seed 1) splits a skill.
    private static readonly ContextLifecycleOptions Strict = new() { Split = new SplitRule { MinUses = 2, FailBelow = 0.5, SucceedAbove = 0.5 } };

    [Fact]
    public void InAStore_TheFirstSplitIsTheSameAsInMemory_AndItsVariantIsStoredBesideTheOriginal_LabelledByTheContext()
    {
        using var dir = new TemporaryDirectory();
        string path = dir.Combine("lib.db");
        IEnvironment environment = EnvironmentRegistry.Create("doorkey-8x8");
        var options = new ProceduralMemoryAgentOptions { Seed = 1, ContextLifecycle = Strict };
        var plan = new TrainingPlan { MaxSteps = 3000, TrainingSeed = 1, EvaluationSeeds = [0, 1], EpisodeStepLimit = environment.MaxSteps };
        var inMemory = new ProceduralMemoryAgent(environment, options);
        LearningRun.Train(inMemory, plan);
        SkillSplit storedFirst;
        using (var store = SqliteSkillStore.Open(path))
        {
            var stored = new ProceduralMemoryAgent(EnvironmentRegistry.Create("doorkey-8x8"), options, store);
            LearningRun.Train(stored, plan);
            SkillSplit first = inMemory.ContextLifecycle!.Splits[0];
            storedFirst = stored.ContextLifecycle!.Splits[0];
            Assert.Equal(first with { Variant = null }, storedFirst with { Variant = null });
            Assert.All(stored.ContextLifecycle.Splits, s => Assert.NotNull(s.Variant));
        }

        using (var store = SqliteSkillStore.Open(path))
        {
            var records = store.ReadChanges(0).Skills.ToDictionary(s => s.Id);
            SkillRecord original = records[storedFirst.Original], variant = records[storedFirst.Variant!.Value];
            Assert.Null(original.Variant);
            Assert.Equal($"context {storedFirst.Context}", variant.Variant);
            Assert.Equal((original.Preconditions, original.Effect), (variant.Preconditions, variant.Effect));
            // Reopening the library gives the variant back as a variant.
            var reopened = new ProceduralMemoryAgent(EnvironmentRegistry.Create("doorkey-8x8"), options, store);
            Assert.Equal($"context {storedFirst.Context}", reopened.Library.Find(variant.Id)!.Variant);
            Assert.Null(reopened.Library.Find(original.Id)!.Variant);
        }
    }
}
