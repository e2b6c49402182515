using ProceduralMemory.Agents;
using ProceduralMemory.Environments;
using ProceduralMemory.Memory.Contexts;
using ProceduralMemory.Training;

namespace ProceduralMemory.Sqlite.Tests.Agents;

/// <summary>The per-context lifecycle of an agent learning into a SQLite library, whose rows are unique by preconditions and effect.</summary>
public class ContextLifecycleStoreTests
{
    // As in ContextLifecycleAgentTests: strict enough that doorkey-8x8 (3,000 steps, seed 1) splits a skill.
    private static readonly ContextLifecycleOptions Strict = new() { Split = new SplitRule { MinUses = 2, FailBelow = 0.5, SucceedAbove = 0.5 } };

    [Fact]
    public void InAStore_TheFirstSplitIsTheSameAsInMemory_ButMakesNoVariant_AndTheLibraryStaysUniqueByPreconditionsAndEffect()
    {
        using var dir = new TemporaryDirectory();
        using var store = SqliteSkillStore.Open(dir.Combine("lib.db"));
        IEnvironment environment = EnvironmentRegistry.Create("doorkey-8x8");
        var options = new ProceduralMemoryAgentOptions { Seed = 1, ContextLifecycle = Strict };
        var plan = new TrainingPlan { MaxSteps = 3000, TrainingSeed = 1, EvaluationSeeds = [0, 1], EpisodeStepLimit = environment.MaxSteps };
        var inMemory = new ProceduralMemoryAgent(environment, options);
        var stored = new ProceduralMemoryAgent(EnvironmentRegistry.Create("doorkey-8x8"), options, store);
        LearningRun.Train(inMemory, plan);
        LearningRun.Train(stored, plan);

        SkillSplit first = inMemory.ContextLifecycle!.Splits[0];
        SkillSplit storedFirst = stored.ContextLifecycle!.Splits[0];
        Assert.NotNull(first.Variant);
        Assert.Equal(first with { Variant = null }, storedFirst);
        Assert.All(stored.ContextLifecycle.Splits, s => Assert.Null(s.Variant));
        Assert.False(stored.ContextLifecycle.Serves(storedFirst.Original, storedFirst.Context));
        var pairs = store.ReadChanges(0).Skills.Where(s => s.Policy.Kind == "mlp").Select(s => (s.Preconditions, s.Effect)).ToList();
        Assert.True(pairs.Count >= 3, $"{pairs.Count} network skills stored");
        Assert.Equal(pairs.Count, pairs.Distinct().Count());
    }
}
