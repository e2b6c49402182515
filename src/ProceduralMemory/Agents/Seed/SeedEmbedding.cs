using System.Runtime.InteropServices;
using ProceduralMemory.Environments;
using ProceduralMemory.Environments.Grid;
using ProceduralMemory.Environments.MiniGrid;
using ProceduralMemory.Memory;

namespace ProceduralMemory.Agents.Seed;

/// <summary>
/// The seed's embedding of a state and an action sequence, 8 numbers:
/// <c>[hash(state), has_key, door_open, hash(action 1), ..., hash(action 5)]</c>, L2-normalised, with
/// missing actions as 0. A state alone (no actions) is the retrieval query.
/// </summary>
/// <remarks>
/// The seed hashed the agent's position, which its fully observed grid world shows. Elsewhere the agent observes
/// no position, so the state is hashed from a text that stands for what it does observe (see <see cref="StateText"/>);
/// on the grid world that text is the position's, so the seed's embeddings are unchanged.
/// </remarks>
public static class SeedEmbedding
{
    /// <summary>The embedding length.</summary>
    public const int Dimension = 8;

    /// <summary>How many leading actions the embedding hashes.</summary>
    public const int HashedActions = 5;

    /// <summary>Embeds a grid-world position and the names of the actions taken from it (the seed's embedding).</summary>
    public static float[] Embed(GridPoint position, bool hasKey, bool doorOpen, IReadOnlyList<string> actionNames) =>
        Embed(position.ToString(), hasKey, doorOpen, actionNames);

    /// <summary>Embeds a state, given as the text <see cref="StateText"/> makes of it, and the names of the actions taken from it.</summary>
    public static float[] Embed(string state, bool hasKey, bool doorOpen, IReadOnlyList<string> actionNames)
    {
        var embedding = new float[Dimension];
        embedding[0] = StableHash.Fraction(state);
        embedding[1] = hasKey ? 1f : 0f;
        embedding[2] = doorOpen ? 1f : 0f;
        for (int i = 0; i < Math.Min(HashedActions, actionNames.Count); i++)
            embedding[3 + i] = StableHash.Fraction(actionNames[i]);
        VectorMath.NormalizeInPlace(embedding);
        return embedding;
    }

    /// <summary>
    /// Embeds <paramref name="observation"/> and the actions taken from it, reading <c>has_key</c> and
    /// <c>door_open</c> through <paramref name="facts"/> (the environment's schema, which must have both).
    /// </summary>
    public static float[] Embed(Observation observation, FactSchema facts, IReadOnlyList<string> actionNames) =>
        Embed(observation, observation.Facts, facts, actionNames);

    /// <summary>As <see cref="Embed(Observation, FactSchema, IReadOnlyList{string})"/>, with the fact values an agent perceived there.</summary>
    public static float[] Embed(Observation observation, Facts values, FactSchema facts, IReadOnlyList<string> actionNames) =>
        Embed(StateText(observation), values.Get(facts.IndexOf("has_key")), values.Get(facts.IndexOf("door_open")), actionNames);

    /// <summary>Embeds an observed state with no actions: the query used to retrieve skills.</summary>
    public static float[] Query(GridWorldObservation observation) =>
        Embed(observation.Position, observation.HasKey, observation.DoorOpen, []);

    /// <summary>Embeds any observed state with no actions: the query used to retrieve skills.</summary>
    public static float[] Query(Observation observation, FactSchema facts) => Embed(observation, facts, []);

    /// <summary>As <see cref="Query(Observation, FactSchema)"/>, with the fact values an agent perceives there.</summary>
    public static float[] Query(Observation observation, Facts values, FactSchema facts) => Embed(observation, values, facts, []);

    /// <summary>
    /// The text whose hash stands for an observed state: the position on the grid world (as the seed), MiniGrid's
    /// egocentric view image (which shows the carried object in the agent's cell) and direction, or otherwise the
    /// observation's feature vector, in hexadecimal.
    /// </summary>
    public static string StateText(Observation observation)
    {
        switch (observation)
        {
            case GridWorldObservation grid:
                return grid.Position.ToString();
            case MiniGridObservation view:
                Span<byte> image = stackalloc byte[AgentView.Cells * 3];
                view.WriteImage(image);
                return $"{Convert.ToHexString(image)}/{(int)view.Direction}";
            default:
                float[] features = observation.ToFeatureArray();
                return Convert.ToHexString(MemoryMarshal.AsBytes(features.AsSpan()));
        }
    }
}
