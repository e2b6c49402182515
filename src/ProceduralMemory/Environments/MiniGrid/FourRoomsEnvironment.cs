namespace ProceduralMemory.Environments.MiniGrid;

/// <summary>
/// MiniGrid's FourRooms task (<c>MiniGrid-FourRooms-v0</c>): a 19x19 grid split into four rooms by a cross of
/// walls, one opening in each of the cross's four arms; the agent and the goal on random cells.
/// </summary>
/// <remarks>
/// Follows MiniGrid's <c>FourRoomsEnv._gen_grid</c>, drawing from our <see cref="Rng"/> in its order: the outer
/// walls; then for each room, top row first and left to right, the wall on its right (if any) with an opening on
/// a uniformly drawn row inside the room, and the wall below it (if any) with an opening on a uniformly drawn
/// column inside it; then the agent on a uniformly drawn empty cell with a uniform direction (<c>place_agent</c>),
/// then the goal on another (<c>place_obj</c>). Step limit 100.
/// </remarks>
public sealed class FourRoomsEnvironment : MiniGridEnvironment
{
    /// <summary>The side of MiniGrid's FourRooms grid.</summary>
    public const int GridSize = 19;

    /// <summary>MiniGrid's FourRooms mission text.</summary>
    public const string FourRoomsMission = "reach the goal";

    /// <summary>The registered name.</summary>
    public const string RegisteredName = "fourrooms";

    private static readonly Goal GoalObject = new();

    /// <summary>Creates FourRooms with MiniGrid's step limit, 100.</summary>
    public FourRoomsEnvironment()
        : base(RegisteredName, GridSize, GridSize, 100)
    {
    }

    /// <inheritdoc />
    protected override EpisodeStart Generate(CellGrid grid, Rng rng)
    {
        int width = grid.Width, height = grid.Height;
        grid.WallRectangle(0, 0, width, height);
        int roomWidth = width / 2, roomHeight = height / 2;
        for (int j = 0; j < 2; j++)
            for (int i = 0; i < 2; i++)
            {
                int left = i * roomWidth, top = j * roomHeight;
                int right = left + roomWidth, bottom = top + roomHeight;
                if (i + 1 < 2)
                {
                    grid.VerticalWall(right, top, roomHeight);
                    grid.Set(right, rng.NextInt(top + 1, bottom), Empty.Instance);
                }
                if (j + 1 < 2)
                {
                    grid.HorizontalWall(left, bottom, roomWidth);
                    grid.Set(rng.NextInt(left + 1, right), bottom, Empty.Instance);
                }
            }
        var (agent, direction) = GridPlacement.PlaceAgent(grid, rng);
        GridPlacement.PlaceObject(grid, rng, GoalObject, agent);
        return new EpisodeStart(agent, direction, FourRoomsMission);
    }
}
