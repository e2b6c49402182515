using ProceduralMemory.Environments.MiniGrid.Rooms;

namespace ProceduralMemory.Environments.MiniGrid.Tasks;

/// <summary>A task laid out as a <see cref="RoomGrid"/> (MiniGrid's <c>RoomGrid</c> subclasses): the grid's size follows from its rooms.</summary>
public abstract class RoomGridEnvironment : MiniGridEnvironment
{
    /// <summary>Creates a task of <paramref name="rows"/> x <paramref name="columns"/> rooms of side <paramref name="roomSize"/>.</summary>
    protected RoomGridEnvironment(string name, int roomSize, int rows, int columns, int maxSteps)
        : base(name, RoomGrid.GridSize(roomSize, rows, columns).Width, RoomGrid.GridSize(roomSize, rows, columns).Height, maxSteps)
    {
        RoomSize = roomSize;
        Rows = rows;
        Columns = columns;
    }

    /// <summary>The side of every room, walls included.</summary>
    public int RoomSize { get; }

    /// <summary>The number of rows of rooms.</summary>
    public int Rows { get; }

    /// <summary>The number of columns of rooms.</summary>
    public int Columns { get; }

    /// <inheritdoc />
    protected sealed override EpisodeStart Generate(CellGrid grid, Rng rng)
    {
        var rooms = new RoomGrid(grid, rng, RoomSize, Rows, Columns);
        string mission = Build(rooms);
        return rooms.Start(mission);
    }

    /// <summary>Adds the task's doors, objects and agent to the walled <paramref name="rooms"/> and returns the mission.</summary>
    protected abstract string Build(RoomGrid rooms);
}
