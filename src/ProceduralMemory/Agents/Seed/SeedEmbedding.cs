using ProceduralMemory.Environments.Grid;
using ProceduralMemory.Memory;

namespace ProceduralMemory.Agents.Seed;

/// <summary>
/// The seed's embedding of a state and an action sequence, 8 numbers:
/// <c>[hash(position), has_key, door_open, hash(action 1), ..., hash(action 5)]</c>, L2-normalised, with
/// missing actions as 0. A state alone (no actions) is the retrieval query.
/// </summary>
public static class SeedEmbedding
{
    /// <summary>The embedding length.</summary>
    public const int Dimension = 8;

    /// <summary>How many leading actions the embedding hashes.</summary>
    public const int HashedActions = 5;

    /// <summary>Embeds a state and the names of the actions taken from it.</summary>
    public static float[] Embed(GridPoint position, bool hasKey, bool doorOpen, IReadOnlyList<string> actionNames)
    {
        var embedding = new float[Dimension];
        embedding[0] = StableHash.Fraction(position.ToString());
        embedding[1] = hasKey ? 1f : 0f;
        embedding[2] = doorOpen ? 1f : 0f;
        for (int i = 0; i < Math.Min(HashedActions, actionNames.Count); i++)
            embedding[3 + i] = StableHash.Fraction(actionNames[i]);
        VectorMath.NormalizeInPlace(embedding);
        return embedding;
    }

    /// <summary>Embeds an observed state with no actions: the query used to retrieve skills.</summary>
    public static float[] Query(GridWorldObservation observation) =>
        Embed(observation.Position, observation.HasKey, observation.DoorOpen, []);
}
