namespace ProceduralMemory.Environments.MiniGrid.Tasks;

/// <summary>
/// MiniGrid's PutNear task (<c>MiniGrid-PutNear-{size}x{size}-N{count}-v0</c>): a room with a few keys, balls and
/// boxes, no two alike and none next to another; the mission names an object to move and a target, and the agent
/// must drop the first next to the second.
/// </summary>
/// <remarks>
/// <para>Generation follows MiniGrid's <c>PutNearEnv._gen_grid</c> rule for rule, drawing from our
/// <see cref="Rng"/>: outer walls; distinct objects (as GoToObject's) each on an empty cell not within one cell,
/// diagonals included, of an earlier one; the agent on an empty cell with a uniform direction; the object to
/// move drawn uniformly, then the target drawn until it is another object.</para>
/// <para>Rules (MiniGrid's <c>step</c>): picking up anything but the object to move ends the episode; dropping
/// whatever is carried ends it, rewarded when the drop succeeded (MiniGrid checks that the cell in front now
/// holds the object that was carried, which is so exactly when the carried object left the agent's hands, since
/// a drop changes nothing else) onto a cell within one cell, diagonals included, of where the target was at the
/// start.</para>
/// </remarks>
public sealed class PutNearEnvironment : MiniGridEnvironment
{
    private static readonly MissionTable<(ObjectType MoveType, ObjectColor MoveColor, ObjectType TargetType, ObjectColor TargetColor)> Missions = new("PutNear",
        from moveType in GoToObjectEnvironment.ObjectTypes from moveColor in GridPlacement.ColorNames
        from targetType in GoToObjectEnvironment.ObjectTypes from targetColor in GridPlacement.ColorNames
        where (moveType, moveColor) != (targetType, targetColor)
        select (moveType, moveColor, targetType, targetColor),
        m => $"put the {ObjectNames.Of(m.MoveColor)} {ObjectNames.Of(m.MoveType)} near the {ObjectNames.Of(m.TargetColor)} {ObjectNames.Of(m.TargetType)}");

    private readonly DistinctObjects _objects = new();
    private ObjectType _moveType;
    private ObjectColor _moveColor;
    private bool _carriedBeforeStep;

    /// <summary>
    /// Creates a <paramref name="size"/> x <paramref name="size"/> PutNear with <paramref name="objectCount"/>
    /// objects and MiniGrid's step limit, 5 * size.
    /// </summary>
    public PutNearEnvironment(int size, int objectCount)
        : base($"putnear-{size}x{size}-n{objectCount}", size, size, 5 * size, seeThroughWalls: true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 5);
        ArgumentOutOfRangeException.ThrowIfLessThan(objectCount, 2);
        // Objects at least two cells apart: at most one in each 2x2 block of the room's inside.
        int room = (size - 1) / 2;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(objectCount, room * room - 1);
        ObjectCount = objectCount;
    }

    /// <summary>How many objects a layout has.</summary>
    public int ObjectCount { get; }

    /// <summary>The cell the target stood on when the episode started.</summary>
    public CellPosition Target { get; private set; }

    /// <summary>MiniGrid's mission to put the object of <paramref name="moveType"/> and <paramref name="moveColor"/> near that of <paramref name="targetType"/> and <paramref name="targetColor"/>.</summary>
    public static string MissionFor(ObjectType moveType, ObjectColor moveColor, ObjectType targetType, ObjectColor targetColor) =>
        Missions.TextOf((moveType, moveColor, targetType, targetColor));

    /// <inheritdoc />
    protected override EpisodeStart Generate(CellGrid grid, Rng rng)
    {
        grid.WallRectangle(0, 0, grid.Width, grid.Height);
        var objects = _objects.Place(grid, rng, GoToObjectEnvironment.ObjectTypes, ObjectCount, keepApart: true);
        var (agent, direction) = GridPlacement.PlaceAgent(grid, rng);
        int move = rng.NextInt(objects.Count);
        int target;
        do
            target = rng.NextInt(objects.Count);
        while (target == move);
        return new EpisodeStart(agent, direction,
            MissionFor(objects[move].Type, objects[move].Color, objects[target].Type, objects[target].Color));
    }

    /// <inheritdoc />
    protected override void BeginTask(string mission)
    {
        (_moveType, _moveColor, ObjectType targetType, ObjectColor targetColor) = Missions.TargetOf(mission);
        TaskTargets.FindUnique(this, _moveType, _moveColor);
        Target = TaskTargets.FindUnique(this, targetType, targetColor);
    }

    /// <inheritdoc />
    protected override void BeforeStep(int action) => _carriedBeforeStep = Carrying is not null;

    /// <inheritdoc />
    protected override void AfterStep(int action, ref double reward, ref bool terminated)
    {
        if (action == PickUp && Carrying is { } carried && (carried.Type != _moveType || carried.Color != _moveColor))
            terminated = true;
        if (action == Drop && _carriedBeforeStep)
        {
            CellPosition front = FrontPosition;
            if (Carrying is null && Math.Abs(front.X - Target.X) <= 1 && Math.Abs(front.Y - Target.Y) <= 1)
                reward = SuccessReward;
            terminated = true;
        }
    }
}
