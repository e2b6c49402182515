using ProceduralMemory.Agents;
using ProceduralMemory.Environments;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Training;

namespace ProceduralMemory.Sqlite.Tests.Agents;

/// <summary>The agent learning into, and continuing from, a real SQLite library.</summary>
public class ProceduralMemoryAgentStoreTests
{
    private static readonly int[] HeldOut = Enumerable.Range(0, 20).ToArray();

    private static TrainingPlan Plan(int steps, int seed = 1) => new()
    {
        MaxSteps = steps,
        TrainingSeed = seed,
        EvaluationSeeds = HeldOut,
        EpisodeStepLimit = EnvironmentRegistry.Create("doorkey-5x5").MaxSteps,
    };

    private static ProceduralMemoryAgent Agent(ISkillStore? store, ulong seed = 1) =>
        new(EnvironmentRegistry.Create("doorkey-5x5"), new ProceduralMemoryAgentOptions { Seed = seed }, store);

    [Fact]
    public void Training_WithAStore_LearnsExactlyWhatItLearnsInMemory()
    {
        using var dir = new TemporaryDirectory();
        using var store = SqliteSkillStore.Open(dir.Combine("lib.db"));

        var inMemory = LearningRun.Train(Agent(null), Plan(1500));
        var stored = LearningRun.Train(Agent(store), Plan(1500));

        Assert.Equal(inMemory.Select(p => p.Evaluation), stored.Select(p => p.Evaluation));
    }

    [Fact]
    public void Reopening_TheLibrary_RestoresAnAgentThatPlaysIdentically()
    {
        using var dir = new TemporaryDirectory();
        string path = dir.Combine("lib.db");
        ProceduralMemoryAgent trained;
        using (var store = SqliteSkillStore.Open(path))
        {
            trained = Agent(store);
            LearningRun.Train(trained, Plan(1500));
        }

        using var readOnly = SqliteSkillStore.Open(path, readOnly: true);
        var restored = Agent(readOnly, seed: 99); // another seed: the encoder comes from the library, eval uses no training randomness

        Assert.Equal(trained.Library.Skills.Select(s => (s.Id, s.Name, s.Statistics.Uses, s.Statistics.Successes, s.Statistics.Demonstrations)),
            restored.Library.Skills.Select(s => (s.Id, s.Name, s.Statistics.Uses, s.Statistics.Successes, s.Statistics.Demonstrations)));
        Assert.Equal(LearningRun.Evaluate(trained, HeldOut, 250), LearningRun.Evaluate(restored, HeldOut, 250));
    }

    [Fact]
    public void Continuing_FromALibrary_KeepsItsSkillsAndAddsToTheirStatistics()
    {
        using var dir = new TemporaryDirectory();
        string path = dir.Combine("lib.db");
        int[] usesBefore;
        using (var store = SqliteSkillStore.Open(path))
        {
            var first = Agent(store);
            LearningRun.Train(first, Plan(1500));
            usesBefore = first.Library.Skills.Select(s => s.Statistics.Uses).ToArray();
        }

        using (var store = SqliteSkillStore.Open(path))
        {
            var second = Agent(store, seed: 2);
            Assert.Equal(usesBefore.Length, second.Library.Count);
            LearningRun.Train(second, Plan(1000, seed: 2));
            Assert.True(second.Library.Skills.Take(usesBefore.Length).Select(s => s.Statistics.Uses).Sum() > usesBefore.Sum());
        }

        using var reread = SqliteSkillStore.Open(path, readOnly: true);
        Assert.True(reread.ReadChanges(0).Episodes > 0);
    }

    [Fact]
    public void Opening_ALibraryOfAnotherKindOfEnvironment_Throws()
    {
        using var dir = new TemporaryDirectory();
        using var store = SqliteSkillStore.Open(dir.Combine("lib.db"));
        LearningRun.Train(Agent(store), Plan(300));

        var e = Assert.Throws<LibraryException>(() => new ProceduralMemoryAgent(EnvironmentRegistry.Create("gridworld"), store: store));
        Assert.Contains("another kind of environment", e.Message);
    }

    [Fact]
    public void Evaluating_FromAnEmptyReadOnlyLibrary_Throws()
    {
        using var dir = new TemporaryDirectory();
        SqliteSkillStore.Open(dir.Combine("lib.db")).Dispose();
        using var store = SqliteSkillStore.Open(dir.Combine("lib.db"), readOnly: true);
        Assert.Throws<LibraryException>(() => Agent(store));
    }

    [Fact]
    public void TwoAgents_OnOneLibrary_TrainEachSkillOnEveryonesDemonstrations()
    {
        using var dir = new TemporaryDirectory();
        using var storeA = SqliteSkillStore.Open(dir.Combine("lib.db"));
        using var storeB = SqliteSkillStore.Open(dir.Combine("lib.db"));
        var a = Agent(storeA, seed: 1);
        var b = Agent(storeB, seed: 2);
        int limit = EnvironmentRegistry.Create("doorkey-5x5").MaxSteps;
        for (int episode = 0; episode < 40; episode++)
        {
            b.PlayEpisode(2_000_000 + episode, limit, learn: true);
            a.PlayEpisode(1_000_000 + episode, limit, learn: true);
        }

        // Both demonstrated the skills, and a (which played last) trains each on the library's kept demonstrations,
        // b's included, not on its own alone.
        Assert.True(a.Committed.Demonstrations > 0 && b.Committed.Demonstrations > 0);
        var kept = a.Library.Skills.Where(s => a.HasModule(s.Id)).Select(s => (s.Id, storeA.ReadDemonstrations(s.Id).Count)).ToList();
        Assert.Equal(kept, a.Library.Skills.Where(s => a.HasModule(s.Id)).Select(s => (s.Id, a.ModuleOf(s.Id).DemonstrationCount)));
        Assert.Contains(kept, k => k.Count > 1);
    }
}
