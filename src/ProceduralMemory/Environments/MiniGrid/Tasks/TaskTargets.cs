namespace ProceduralMemory.Environments.MiniGrid.Tasks;

/// <summary>Finds the objects a mission names on an environment's grid, for the tasks' <c>BeginTask</c>.</summary>
internal static class TaskTargets
{
    /// <summary>
    /// The cell of the one object of <paramref name="type"/> and <paramref name="color"/> on the grid.
    /// </summary>
    /// <exception cref="ArgumentException">There is none, or more than one (the mission would be ambiguous).</exception>
    public static CellPosition FindUnique(MiniGridEnvironment env, ObjectType type, ObjectColor color)
    {
        CellPosition? found = null;
        for (int x = 0; x < env.Width; x++)
            for (int y = 0; y < env.Height; y++)
            {
                WorldObject cell = env.CellAt(x, y);
                if (cell.Type != type || cell.Color != color)
                    continue;
                if (found is not null)
                    throw new ArgumentException($"The grid has more than one {ObjectNames.Of(color)} {ObjectNames.Of(type)}, at {found} and {new CellPosition(x, y)}.");
                found = new CellPosition(x, y);
            }
        return found ?? throw new ArgumentException($"The grid has no {ObjectNames.Of(color)} {ObjectNames.Of(type)}.");
    }
}
