using ProceduralMemory.Environments;
using ProceduralMemory.Memory;

namespace ProceduralMemory.Tools.Procedures;

/// <summary>
/// The policy of a skill that acts through tools: its procedure. It emits tool calls (the procedural agent
/// binds and runs them), not the discrete actions of a grid world, so <see cref="ChooseAction"/> has none to give.
/// </summary>
public sealed class ProcedurePolicy(Procedure procedure) : ISkillPolicy
{
    /// <summary>The stored kind name.</summary>
    public const string KindName = "procedure";

    /// <summary>The procedure.</summary>
    public Procedure Procedure { get; } = procedure ?? throw new ArgumentNullException(nameof(procedure));

    /// <inheritdoc />
    public string Kind => KindName;

    /// <inheritdoc />
    /// <returns>Always null: a procedure's actions are tool calls.</returns>
    public int? ChooseAction(Observation observation, int step) => null;
}
