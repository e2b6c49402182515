using ProceduralMemory.Environments.MiniGrid;
using ProceduralMemory.Environments.MiniGrid.Rooms;

namespace ProceduralMemory.Tests.Environments.MiniGrid.Rooms;

public class RoomGridTests
{
    [Theory]
    [InlineData(6, 1, 2)]
    [InlineData(3, 3, 3)]
    [InlineData(5, 2, 4)]
    public void New_WallsEveryRoom_AndDrawsOneDoorCellPerSharedWall(int size, int rows, int columns)
    {
        var (width, height) = RoomGrid.GridSize(size, rows, columns);
        var grid = new CellGrid(width, height);

        var rooms = new RoomGrid(grid, new Rng(3), size, rows, columns);

        Assert.Equal(((size - 1) * columns + 1, (size - 1) * rows + 1), (width, height));
        for (int x = 0; x < width; x++)
            for (int y = 0; y < height; y++)
            {
                bool onWall = x % (size - 1) == 0 || y % (size - 1) == 0;
                Assert.Equal(onWall, grid.Get(x, y) is Wall);
            }
        for (int i = 0; i < columns; i++)
            for (int j = 0; j < rows; j++)
            {
                Room room = rooms.RoomAt(i, j);
                Assert.Equal(new CellPosition(i * (size - 1), j * (size - 1)), room.Top);
                Assert.Same(room, rooms.RoomFromPosition(room.Top.X + 1, room.Top.Y + 1));
                Assert.Equal(i < columns - 1, room.Neighbor(Direction.Right) is not null);
                Assert.Equal(j > 0, room.Neighbor(Direction.Up) is not null);
                if (room.DoorPosition(Direction.Right) is { } right)
                {
                    Assert.Equal(room.Top.X + size - 1, right.X);
                    Assert.InRange(right.Y, room.Top.Y + 1, room.Top.Y + size - 2);
                    Assert.Equal(right, room.Neighbor(Direction.Right)!.DoorPosition(Direction.Left));
                }
                if (room.DoorPosition(Direction.Down) is { } down)
                {
                    Assert.Equal(room.Top.Y + size - 1, down.Y);
                    Assert.InRange(down.X, room.Top.X + 1, room.Top.X + size - 2);
                    Assert.Equal(down, room.Neighbor(Direction.Down)!.DoorPosition(Direction.Up));
                }
            }
        // Before PlaceAgent the agent stands in the middle of the middle room, as in MiniGrid.
        Assert.Equal(new CellPosition(columns / 2 * (size - 1) + size / 2, rows / 2 * (size - 1) + size / 2), rooms.AgentPosition);
    }

    [Fact]
    public void New_GridOfTheWrongSize_Throws()
    {
        Assert.Throws<ArgumentException>(() => new RoomGrid(new CellGrid(10, 6), new Rng(0), 6, 1, 2));
    }

    [Fact]
    public void AddDoor_PutsTheDoorOnTheSharedWall_ForBothRooms_AndASecondDoorThereThrows()
    {
        var rooms = new RoomGrid(new CellGrid(11, 6), new Rng(1), 6, 1, 2);

        var (door, at) = rooms.AddDoor(0, 0, Direction.Right, ObjectColor.Purple, locked: true);

        Assert.Equal(new Door(ObjectColor.Purple, DoorState.Locked), door);
        Assert.Equal(door, rooms.Grid.Get(at.X, at.Y));
        Assert.Equal(rooms.RoomAt(0, 0).DoorPosition(Direction.Right), at);
        Assert.Equal(RoomSide.Door, rooms.RoomAt(0, 0).Side(Direction.Right));
        Assert.Equal(RoomSide.Door, rooms.RoomAt(1, 0).Side(Direction.Left));
        Assert.True(rooms.RoomAt(0, 0).Locked);
        Assert.Throws<InvalidOperationException>(() => rooms.AddDoor(1, 0, Direction.Left));
        Assert.Throws<InvalidOperationException>(() => rooms.AddDoor(0, 0, Direction.Left));
    }

    [Fact]
    public void RemoveWall_EmptiesTheWallBetweenItsCorners()
    {
        var rooms = new RoomGrid(new CellGrid(6, 11), new Rng(2), 6, 2, 1);

        rooms.RemoveWall(0, 1, Direction.Up);

        Assert.IsType<Wall>(rooms.Grid.Get(0, 5));
        Assert.IsType<Wall>(rooms.Grid.Get(5, 5));
        for (int x = 1; x < 5; x++)
            Assert.IsType<Empty>(rooms.Grid.Get(x, 5));
        Assert.Equal(RoomSide.Opening, rooms.RoomAt(0, 0).Side(Direction.Down));
        Assert.Throws<InvalidOperationException>(() => rooms.RemoveWall(0, 0, Direction.Down));
    }

    [Fact]
    public void PlaceInRoom_KeepsObjectsInTheRoom_OffAndAwayFromTheAgent()
    {
        for (int seed = 0; seed < 200; seed++)
        {
            var rooms = new RoomGrid(new CellGrid(13, 13), new Rng((ulong)seed), 7, 2, 2);
            CellPosition agent = rooms.AgentPosition;
            Room room = rooms.RoomFromPosition(agent.X, agent.Y);

            var (obj, at) = rooms.AddObject(room.Column, room.Row);

            Assert.True(room.Contains(at.X, at.Y));
            Assert.True(Math.Abs(at.X - agent.X) + Math.Abs(at.Y - agent.Y) >= 2);
            Assert.Equal(obj, rooms.Grid.Get(at.X, at.Y));
            Assert.Contains(obj, room.Objects);
        }
    }

    [Fact]
    public void PlaceAgent_StandsOnAnEmptyCellOfTheRoom_FacingAnEmptyCellOrAWall()
    {
        for (int seed = 0; seed < 200; seed++)
        {
            var rooms = new RoomGrid(new CellGrid(11, 6), new Rng((ulong)seed), 6, 1, 2);
            rooms.AddDistractors(0, 0, count: 6);

            CellPosition at = rooms.PlaceAgent(0, 0);

            var (dx, dy) = RoomGrid.Step(rooms.AgentDirection);
            Assert.True(rooms.RoomAt(0, 0).Contains(at.X, at.Y));
            Assert.IsType<Empty>(rooms.Grid.Get(at.X, at.Y));
            Assert.True(rooms.Grid.Get(at.X + dx, at.Y + dy) is Empty or Wall);
        }
    }

    [Fact]
    public void ConnectAll_MakesEveryRoomReachable_WithoutTouchingLockedRooms()
    {
        for (int seed = 0; seed < 100; seed++)
        {
            var rooms = new RoomGrid(new CellGrid(16, 16), new Rng((ulong)seed), 6, 3, 3);
            rooms.AddDoor(2, 2, Direction.Up, ObjectColor.Red, locked: true);
            rooms.PlaceAgent(1, 1);

            IReadOnlyList<Door> added = rooms.ConnectAll();

            Assert.All(added, door => Assert.Equal(DoorState.Closed, door.State));
            Assert.Equal(RoomSide.Wall, rooms.RoomAt(2, 2).Side(Direction.Left));
            var reached = new HashSet<Room>();
            var stack = new Stack<Room>([rooms.RoomAt(1, 1)]);
            while (stack.TryPop(out Room? room))
                if (reached.Add(room))
                    for (var side = Direction.Right; side <= Direction.Up; side++)
                        if (room.Side(side) != RoomSide.Wall)
                        {
                            CellPosition door = room.DoorPosition(side)!.Value;
                            Assert.IsType<Door>(rooms.Grid.Get(door.X, door.Y));
                            stack.Push(room.Neighbor(side)!);
                        }
            Assert.Equal(9, reached.Count);
        }
    }

    [Fact]
    public void AddDistractors_AddsObjectsOfKindsAndColoursNotYetPlaced()
    {
        var rooms = new RoomGrid(new CellGrid(16, 16), new Rng(4), 6, 3, 3);
        rooms.AddObject(0, 0, ObjectType.Ball, ObjectColor.Red);

        IReadOnlyList<WorldObject> added = rooms.AddDistractors(count: 12);

        Assert.Equal(12, added.Count);
        Assert.Equal(12, added.Select(o => (o.Type, o.Color)).Distinct().Count());
        Assert.DoesNotContain(added, o => o is Ball { Color: ObjectColor.Red });
    }
}
