using ProceduralMemory.Agents;
using ProceduralMemory.Environments;
using ProceduralMemory.Memory.Contexts;
using ProceduralMemory.Memory.Keys;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Neural;
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
            Assert.Equal(SkillSplit.VariantLabel(storedFirst.Context), variant.Variant);
            Assert.Equal((original.Preconditions, original.Effect), (variant.Preconditions, variant.Effect));
            // Reopening the library gives the variant back as a variant.
            var reopened = new ProceduralMemoryAgent(EnvironmentRegistry.Create("doorkey-8x8"), options, store);
            Assert.Equal($"context {storedFirst.Context}", reopened.Library.Find(variant.Id)!.Variant);
            Assert.Null(reopened.Library.Find(original.Id)!.Variant);
        }
    }

    [Fact]
    public void ALibrarySplitPerContext_IsNotReKeyed_AndStaysAsItWas()
    {
        using var dir = new TemporaryDirectory();
        using var store = SqliteSkillStore.Open(dir.Combine("lib.db"));
        var options = new ProceduralMemoryAgentOptions { Seed = 1, ContextLifecycle = Strict };
        var plan = new TrainingPlan { MaxSteps = 3000, TrainingSeed = 1, EvaluationSeeds = [], EpisodeStepLimit = EnvironmentRegistry.Create("doorkey-8x8").MaxSteps };
        var agent = new ProceduralMemoryAgent(EnvironmentRegistry.Create("doorkey-8x8"), options, store);
        LearningRun.Train(agent, plan);
        int variant = agent.ContextLifecycle!.Splits[0].Variant!.Value;
        LibraryChanges before = store.ReadChanges(0);

        var e = Assert.Throws<LibraryException>(() => SituationRekeying.Prepare(store.Manifest!, before.Skills,
            store.ReadDemonstrations, new VariationalEncoderOptions { Epochs = 2 }));

        Assert.Contains($"#{variant} ", e.Message, StringComparison.Ordinal);
        Assert.Contains("re-key a library before splitting it per context", e.Message, StringComparison.Ordinal);
        Assert.Equal(before.Change, store.ReadChanges(0).Change);
        Assert.Equal(before.Contexts.Splits.Count, store.ReadChanges(0).Contexts.Splits.Count);
    }

    private static (float[][] Centroids, (int, int, int, int)[] Counts, SkillSplit[] Splits) StateOf(ContextLifecycle lifecycle) =>
        ([.. lifecycle.Contexts.Centroids.Select(c => (float[])c.Clone())], [.. lifecycle.Outcomes.All], [.. lifecycle.Splits]);

    private static TrainingPlan Plan(int steps, int seed) =>
        new() { MaxSteps = steps, TrainingSeed = seed, EvaluationSeeds = [], EpisodeStepLimit = EnvironmentRegistry.Create("doorkey-8x8").MaxSteps };

    [Fact]
    public void ReopeningALibrary_RestoresItsContextsCountsAndSplits_Exactly_AndTheSplitsStillServe()
    {
        using var dir = new TemporaryDirectory();
        string path = dir.Combine("lib.db");
        var options = new ProceduralMemoryAgentOptions { Seed = 1, ContextLifecycle = Strict };
        (float[][] Centroids, (int, int, int, int)[] Counts, SkillSplit[] Splits) before;
        using (var store = SqliteSkillStore.Open(path))
        {
            var trained = new ProceduralMemoryAgent(EnvironmentRegistry.Create("doorkey-8x8"), options, store);
            LearningRun.Train(trained, Plan(3000, 1));
            before = StateOf(trained.ContextLifecycle!);
        }
        Assert.NotEmpty(before.Splits);

        using (var store = SqliteSkillStore.Open(path))
        {
            ContextLifecycle reopened = new ProceduralMemoryAgent(EnvironmentRegistry.Create("doorkey-8x8"), options, store).ContextLifecycle!;
            var after = StateOf(reopened);

            Assert.Equal(before.Centroids.Length, after.Centroids.Length);
            for (int c = 0; c < before.Centroids.Length; c++)
                Assert.Equal(before.Centroids[c].Select(BitConverter.SingleToInt32Bits), after.Centroids[c].Select(BitConverter.SingleToInt32Bits));
            Assert.Equal(before.Counts, after.Counts);
            Assert.Equal(before.Splits.OrderBy(s => (s.Original, s.Context)), after.Splits.OrderBy(s => (s.Original, s.Context)));
            foreach (SkillSplit split in before.Splits)
            {
                Assert.False(reopened.Serves(split.Original, split.Context));
                Assert.True(reopened.Serves(split.Variant!.Value, split.Context));
                Assert.True(reopened.IsVariant(split.Variant.Value));
            }
        }
    }

    [Fact]
    public void AContinuedRun_CarriesOnFromTheStoredState_ItsCountsAddingUpToTheSkillsTotals()
    {
        using var dir = new TemporaryDirectory();
        string path = dir.Combine("lib.db");
        var options = new ProceduralMemoryAgentOptions { Seed = 1, ContextLifecycle = Strict };
        (float[][] Centroids, (int, int, int, int)[] Counts, SkillSplit[] Splits) first;
        using (var store = SqliteSkillStore.Open(path))
        {
            var agent = new ProceduralMemoryAgent(EnvironmentRegistry.Create("doorkey-8x8"), options, store);
            LearningRun.Train(agent, Plan(2000, 1));
            first = StateOf(agent.ContextLifecycle!);
        }

        using (var store = SqliteSkillStore.Open(path))
        {
            var agent = new ProceduralMemoryAgent(EnvironmentRegistry.Create("doorkey-8x8"), options, store);
            LearningRun.Train(agent, Plan(2000, 2));
            var second = StateOf(agent.ContextLifecycle!);
            LibraryChanges stored = store.ReadChanges(0);

            // The contexts founded first keep their numbers and centroids; the splits stand.
            for (int c = 0; c < first.Centroids.Length; c++)
                Assert.Equal(first.Centroids[c], second.Centroids[c]);
            Assert.Superset(first.Splits.ToHashSet(), second.Splits.ToHashSet());
            // Counts carried on: no count fell, and what the store holds is what the agent holds.
            foreach (var (skill, context, uses, successes) in first.Counts)
                Assert.True(agent.ContextLifecycle!.Outcomes.Of(skill, context) is var now && now.Uses >= uses && now.Successes >= successes);
            Assert.Equal(second.Counts, stored.Contexts.Counts.Select(c => (c.SkillId, c.Context, c.Uses, c.Successes)));
            Assert.True(second.Counts.Sum(c => c.Item3) > first.Counts.Sum(c => c.Item3));
            // Both runs counted every use in a context: per skill (chains aside) the contexts add up to the stored totals.
            foreach (SkillRecord skill in stored.Skills.Where(s => s.Policy.Kind != ProceduralMemory.Memory.SkillChainPolicy.KindName && s.Uses > 0))
            {
                var counts = stored.Contexts.Counts.Where(c => c.SkillId == skill.Id).ToList();
                Assert.Equal((skill.Uses, skill.Successes), (counts.Sum(c => c.Uses), counts.Sum(c => c.Successes)));
            }
        }
    }

    [Fact]
    public void WithoutContexts_AnAgentWritesNoPerContextState_AndLeavesAStoredOneAsItIs()
    {
        using var dir = new TemporaryDirectory();
        string path = dir.Combine("lib.db");
        using var store = SqliteSkillStore.Open(path);
        LearningRun.Train(new ProceduralMemoryAgent(EnvironmentRegistry.Create("doorkey-8x8"), new ProceduralMemoryAgentOptions { Seed = 1 }, store), Plan(1000, 1));
        Assert.True(store.ReadChanges(0).Contexts.IsEmpty);

        LearningRun.Train(new ProceduralMemoryAgent(EnvironmentRegistry.Create("doorkey-8x8"), new ProceduralMemoryAgentOptions { Seed = 1, ContextLifecycle = Strict }, store), Plan(1000, 2));
        ContextState withContexts = store.ReadChanges(0).Contexts;
        Assert.NotEmpty(withContexts.Contexts);
        LearningRun.Train(new ProceduralMemoryAgent(EnvironmentRegistry.Create("doorkey-8x8"), new ProceduralMemoryAgentOptions { Seed = 1 }, store), Plan(1000, 3));

        Assert.Equivalent(withContexts, store.ReadChanges(0).Contexts, strict: true);
    }

    [Fact]
    public void ContinuingALibrary_WithOtherContextSettings_IsRefused()
    {
        using var dir = new TemporaryDirectory();
        using var store = SqliteSkillStore.Open(dir.Combine("lib.db"));
        LearningRun.Train(new ProceduralMemoryAgent(EnvironmentRegistry.Create("doorkey-8x8"), new ProceduralMemoryAgentOptions { Seed = 1, ContextLifecycle = Strict }, store), Plan(500, 1));

        var e = Assert.Throws<LibraryException>(() => new ProceduralMemoryAgent(EnvironmentRegistry.Create("doorkey-8x8"),
            new ProceduralMemoryAgentOptions { Seed = 1, ContextLifecycle = Strict with { MaxContexts = 4 } }, store));
        Assert.Contains("--contexts 8", e.Message);
    }
}
