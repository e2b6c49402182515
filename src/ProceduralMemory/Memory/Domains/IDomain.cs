namespace ProceduralMemory.Memory.Domains;

/// <summary>
/// A kind of world skills are learned in: what an action, an observation and an outcome of semantic memory are, and
/// how each is stored. The skill core (library, stores, exports) sees only the encoded bytes, so a grid, a tool-using
/// agent or any other domain shares it.
/// </summary>
/// <typeparam name="TObservation">What the agent perceives at a step (the grid's perceived features).</typeparam>
/// <typeparam name="TAction">What the agent does (the grid's action index; a tool call for tool use).</typeparam>
/// <typeparam name="TOutcome">What semantic memory counts an action leading to in a context (the grid's move in the agent's frame).</typeparam>
public interface IDomain<TObservation, TAction, TOutcome> : ISkillDomain
{
    /// <summary>Stores observations.</summary>
    IPayloadCodec<TObservation> Observations { get; }

    /// <summary>Stores actions.</summary>
    IPayloadCodec<TAction> Actions { get; }

    /// <summary>Stores semantic-memory outcomes.</summary>
    IPayloadCodec<TOutcome> Outcomes { get; }
}
