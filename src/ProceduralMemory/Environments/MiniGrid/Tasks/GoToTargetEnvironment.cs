namespace ProceduralMemory.Environments.MiniGrid.Tasks;

/// <summary>
/// The rules MiniGrid's GoToDoor and GoToObject share (their <c>step</c>): <c>done</c> ends the episode and
/// rewards it when the agent stands next to the target (one cell away along a row or a column); <c>toggle</c>
/// ends it with no reward. The target is the cell the mission names, found as the episode starts; it stays
/// where it was even if the object is moved, as in MiniGrid.
/// </summary>
public abstract class GoToTargetEnvironment : MiniGridEnvironment
{
    /// <summary>Creates the task on a <paramref name="size"/> x <paramref name="size"/> grid, walls seen through as in MiniGrid.</summary>
    protected GoToTargetEnvironment(string name, int size, int maxSteps)
        : base(name, size, size, maxSteps, seeThroughWalls: true)
    {
    }

    /// <summary>The cell of the object the current mission names.</summary>
    public CellPosition Target { get; private set; }

    /// <summary>The cell of the object <paramref name="mission"/> names on the current grid.</summary>
    /// <exception cref="ArgumentException">The mission is not this task's, or the grid does not hold exactly one such object.</exception>
    protected abstract CellPosition FindTarget(string mission);

    /// <inheritdoc />
    protected sealed override void BeginTask(string mission) => Target = FindTarget(mission);

    /// <inheritdoc />
    protected sealed override void AfterStep(int action, ref double reward, ref bool terminated)
    {
        if (action == Toggle)
            terminated = true;
        if (action == Done)
        {
            CellPosition agent = AgentPosition;
            if (Math.Abs(agent.X - Target.X) + Math.Abs(agent.Y - Target.Y) == 1)
                reward = SuccessReward;
            terminated = true;
        }
    }
}
