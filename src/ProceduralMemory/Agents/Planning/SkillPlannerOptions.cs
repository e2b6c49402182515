namespace ProceduralMemory.Agents.Planning;

/// <summary>How the <see cref="SkillPlanner"/> weighs and bounds plans (part of the agent's options).</summary>
public sealed record SkillPlannerOptions
{
    /// <summary>Whether the agent plans towards a goal its observation states (<see cref="Environments.IGoalObservation"/>) at all.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The most skills in one plan.</summary>
    public int MaxLength { get; init; } = 8;

    /// <summary>Added to each skill's <c>-log</c> success rate, so that among equally sure plans the shorter wins.</summary>
    public double StepCost { get; init; } = 0.01;

    /// <summary>The cost of one undoing operator (making a held fact false, e.g. dropping the key): about a skill that succeeds a third of the time.</summary>
    public double UndoingCost { get; init; } = 1.0;

    /// <summary>The extra cost of a stored skill where only its preconditions required true hold.</summary>
    public double RelaxedCost { get; init; } = 1.5;

    /// <summary>The steps an undoing operator may take before it counts as failed.</summary>
    public int UndoingStepLimit { get; init; } = 20;
}
