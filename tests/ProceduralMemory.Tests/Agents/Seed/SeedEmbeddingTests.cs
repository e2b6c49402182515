using ProceduralMemory.Agents.Seed;
using ProceduralMemory.Environments;
using ProceduralMemory.Environments.Grid;
using ProceduralMemory.Environments.MiniGrid;

namespace ProceduralMemory.Tests.Agents.Seed;

public class SeedEmbeddingTests
{
    [Fact]
    public void StableHash_IsFnv1a() =>
        // Published FNV-1a 64 test vectors.
        Assert.Equal((0xcbf29ce484222325UL, 0xaf63dc4c8601ec8cUL), (StableHash.Fnv1a64(""), StableHash.Fnv1a64("a")));

    [Fact]
    public void Embed_IsPinned_SoEveryRunEmbedsAlike()
    {
        // A change here means embeddings stored by earlier runs no longer match new queries.
        float[] embedding = SeedEmbedding.Embed(new GridPoint(3, 2), hasKey: true, doorOpen: false, ["move_right", "move_up"]);
        float[] expected = [0.4314257f, 0.7131003f, 0f, 0.5141453f, 0.20252049f, 0f, 0f, 0f];
        Assert.Equal(expected, embedding, (x, y) => Math.Abs(x - y) < 1e-6f);
    }

    [Fact]
    public void Embed_HasEightUnitLengthComponents_WithUnusedActionSlotsZero()
    {
        float[] embedding = SeedEmbedding.Embed(new GridPoint(0, 0), hasKey: false, doorOpen: true, ["move_up"]);
        Assert.Equal(SeedEmbedding.Dimension, embedding.Length);
        Assert.Equal(1.0, Norm(embedding), 5);
        Assert.Equal(0f, embedding[1]);
        Assert.True(embedding[2] > 0);
        Assert.All(embedding[4..], v => Assert.Equal(0f, v));
    }

    [Fact]
    public void AGridWorldObservation_EmbedsAsItsPosition_SoTheSeedsKeysAreUnchanged()
    {
        var world = new GridWorld();
        world.Reset();
        var observation = (GridWorldObservation)world.Step(GridWorld.MoveRight).Observation;

        Assert.Equal(observation.Position.ToString(), SeedEmbedding.StateText(observation));
        Assert.Equal(SeedEmbedding.Embed(observation.Position, false, false, ["move_up"]),
            SeedEmbedding.Embed(observation, world.Facts, ["move_up"]));
        Assert.Equal(SeedEmbedding.Query(observation), SeedEmbedding.Query(observation, world.Facts));
    }

    [Fact]
    public void AMiniGridObservation_EmbedsItsViewAndDirection()
    {
        var environment = new DoorKeyEnvironment(8);
        Observation start = environment.Reset(4).Observation.Clone();
        string text = SeedEmbedding.StateText(start);

        Assert.Equal(text, SeedEmbedding.StateText(new DoorKeyEnvironment(8).Reset(4).Observation));
        Assert.EndsWith($"/{(int)((MiniGridObservation)start).Direction}", text);
        Assert.Equal(7 * 7 * 3 * 2 + 2, text.Length);
        // Turning changes both the view and the direction: a different state.
        Assert.NotEqual(text, SeedEmbedding.StateText(environment.Step(MiniGridEnvironment.Left).Observation));
    }

    private static double Norm(float[] v) => Math.Sqrt(v.Sum(x => (double)x * x));
}
