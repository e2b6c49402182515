namespace ProceduralMemory.Environments.MiniGrid.Conformance;

/// <summary>One recorded <c>step(action)</c> of the reference MiniGrid and what it returned.</summary>
/// <param name="Action">The action taken (0..6).</param>
/// <param name="Reward">The reward, rounded to 6 decimals by the recorder.</param>
/// <param name="Terminated">The goal was reached.</param>
/// <param name="Truncated">The step limit was reached.</param>
/// <param name="AgentPosition">The agent's cell after the step.</param>
/// <param name="AgentDirection">The agent's direction after the step.</param>
/// <param name="Carrying">
/// The carried object as the file gives it: its type name (<c>key</c>, DoorKey files) or its encoding written as
/// <c>[type,colour,state]</c> (family files); null when nothing is carried.
/// </param>
/// <param name="Image">The observed 7x7 view, 147 bytes in the layout of <see cref="MiniGridObservation.WriteImage"/>.</param>
/// <param name="Direction">The observed direction.</param>
public sealed record ConformanceStep(
    int Action,
    double Reward,
    bool Terminated,
    bool Truncated,
    CellPosition AgentPosition,
    Direction AgentDirection,
    string? Carrying,
    byte[] Image,
    Direction Direction);
