using ProceduralMemory.Environments.Grid;

namespace ProceduralMemory.Agents.Seed;

/// <summary>
/// The seed's exploration policy: a script that knows the map. It walks to the key (x first, then y) and
/// picks it up, walks to the door and opens it, walks to the goal; otherwise it takes a random action.
/// </summary>
/// <remarks>
/// This is an oracle (SEED_SPEC defect 5), kept only so that <c>procmem demo</c> reproduces the seed. The seed
/// hard-codes the goal at (4, 4); here it is read from the layout, which is the same thing on the seed's map.
/// </remarks>
public sealed class ScriptedExplorer
{
    private readonly GridWorldLayout _layout;
    private readonly Rng _rng;
    private readonly int _actionCount;

    /// <summary>Creates the script for <paramref name="layout"/>; <paramref name="rng"/> serves its random fallback.</summary>
    public ScriptedExplorer(GridWorldLayout layout, Rng rng, int actionCount)
    {
        _layout = layout;
        _rng = rng;
        _actionCount = actionCount;
    }

    /// <summary>The script's action for the observed state.</summary>
    public int ChooseAction(GridWorldObservation observation)
    {
        GridPoint at = observation.Position;
        if (!observation.HasKey)
            return at == _layout.Key ? GridWorld.PickupKey : StepToward(at, _layout.Key);
        if (!observation.DoorOpen)
            return at == _layout.Door ? GridWorld.OpenDoor : StepToward(at, _layout.Door);
        return at != _layout.Goal ? StepToward(at, _layout.Goal) : _rng.NextInt(_actionCount);
    }

    private static int StepToward(GridPoint from, GridPoint to) =>
        from.X < to.X ? GridWorld.MoveRight
        : from.X > to.X ? GridWorld.MoveLeft
        : from.Y < to.Y ? GridWorld.MoveUp
        : GridWorld.MoveDown;
}
