using ProceduralMemory.Agents;
using ProceduralMemory.Environments;
using ProceduralMemory.Memory.Keys;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Neural;
using ProceduralMemory.Training;
using static ProceduralMemory.Sqlite.Tests.SqliteTestFiles;

namespace ProceduralMemory.Sqlite.Tests.Agents;

/// <summary>The agent on a library re-keyed with a situation encoder stored with it (<see cref="SituationRekeying"/>).</summary>
public class ProceduralMemoryAgentEncodedLibraryTests
{
    private static readonly int[] HeldOut = Enumerable.Range(0, 10).ToArray();
    private static readonly VariationalEncoderOptions Quick = new() { Epochs = 20, Seed = 3 };

    private static TrainingPlan Plan(int steps) => new()
    {
        MaxSteps = steps,
        TrainingSeed = 1,
        EvaluationSeeds = HeldOut,
        EpisodeStepLimit = EnvironmentRegistry.Create("doorkey-5x5").MaxSteps,
    };

    private static ProceduralMemoryAgent Agent(ISkillStore store) =>
        new(EnvironmentRegistry.Create("doorkey-5x5"), new ProceduralMemoryAgentOptions { Seed = 1 }, store);

    private static SituationRekeying.Plan Rekey(ISkillStore store)
    {
        SituationRekeying.Plan plan = SituationRekeying.Prepare(store.Manifest!, store.ReadChanges(0).Skills, store.ReadDemonstrations, Quick);
        store.Commit(plan.Commit);
        return plan;
    }

    [Fact]
    public void AnEncodedLibrary_IsKeyedByItsStoredEncoder_AndTrainsOn()
    {
        using var dir = new TemporaryDirectory();
        using var store = SqliteSkillStore.Open(dir.Combine("lib.db"));
        LearningRun.Train(Agent(store), Plan(1500));
        SituationRekeying.Plan plan = Rekey(store);

        ProceduralMemoryAgent agent = Agent(store);

        Assert.Equal(plan.Provider.ModelId, store.Manifest!.KeyModel);
        var stored = store.ReadChanges(0).Skills.ToDictionary(s => s.Id, s => s.Key);
        Assert.All(agent.Library.Skills, s => Assert.Equal(stored[s.Id], s.Key));
        Assert.All(LearningRun.Train(agent, Plan(600)), point => Assert.InRange(point.Evaluation.SuccessRate, 0.5, 1.0));
        // What the agent wrote since (blended keys, any new skill) is in the encoder's space.
        Assert.All(store.ReadChanges(0).Skills, s => Assert.Equal(plan.Provider.Dimension, s.Key.Length));
        float[] start = store.ReadDemonstrations(0)[0][0].Features;
        Assert.Equal(plan.Provider.KeyOf(start), new SituationEncoderKeyProvider(StandardizedEncoderCodec.Decode(store.ReadKeyModel()!.Bytes!)).KeyOf(start));
    }

    [Fact]
    public void AnAgentOpenedBeforeTheRekey_IsRefusedItsNextCommit_InsteadOfMixingKeyModels()
    {
        using var dir = new TemporaryDirectory();
        using var store = SqliteSkillStore.Open(dir.Combine("lib.db"));
        ProceduralMemoryAgent agent = Agent(store);
        LearningRun.Train(agent, Plan(800));
        using var other = SqliteSkillStore.Open(dir.Combine("lib.db"));
        Rekey(other);

        LibraryException e = Assert.Throws<LibraryException>(() => agent.PlayEpisode(12345, 100, learn: true));

        Assert.Contains("re-keyed meanwhile", e.Message);
    }

    [Fact]
    public void ADamagedOrForeignStoredEncoder_IsRefused_WhenTheAgentOpensTheLibrary()
    {
        using var dir = new TemporaryDirectory();
        string path = dir.Combine("lib.db");
        using (var store = SqliteSkillStore.Open(path))
        {
            LearningRun.Train(Agent(store), Plan(800));
            Rekey(store);
        }
        byte[] bytes = (byte[])Sql(path, "SELECT key_model FROM meta")!;
        bytes[bytes.Length / 2] ^= 1;
        Sql(path, $"UPDATE meta SET key_model = X'{Convert.ToHexString(bytes)}'");
        using (var store = SqliteSkillStore.Open(path))
            Assert.Contains("stored key model is damaged", Assert.Throws<LibraryException>(() => Agent(store)).Message);

        using (var store = SqliteSkillStore.Open(path))
        {
            var foreign = StandardizedEncoder.Train([[1f, 2f], [3f, 5f]], Quick with { LatentSize = 8 }).Encoder;
            Sql(path, $"UPDATE meta SET key_model = X'{Convert.ToHexString(StandardizedEncoderCodec.Encode(foreign))}'");
            Assert.Contains("not its key model", Assert.Throws<LibraryException>(() => Agent(store)).Message);
        }
    }
}
