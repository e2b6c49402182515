using System.Text.RegularExpressions;
using ProceduralMemory.Environments.MiniGrid;
using ProceduralMemory.Environments.MiniGrid.Tasks;

namespace ProceduralMemory.Tests.Environments.MiniGrid.Tasks;

public class LockedRoomTests
{
    [Fact]
    public void Generate_OverManySeeds_HidesTheGoalBehindTheOneLockedDoor_AndItsKeyInTheRoomTheMissionNames()
    {
        var env = new LockedRoomEnvironment();
        Assert.Equal((19, 19, 190), (env.Width, env.Height, env.MaxSteps));
        var lockedDoors = new HashSet<CellPosition>();
        for (int seed = 0; seed < 200; seed++)
        {
            env.Reset(seed);
            List<CellPosition> doors = TaskLayouts.Cells(env, c => c is Door);
            var doorObjects = doors.Select(d => (Door)env.CellAt(d.X, d.Y)).ToList();
            CellPosition goal = Assert.Single(TaskLayouts.Cells(env, c => c is Goal));
            CellPosition key = Assert.Single(TaskLayouts.Cells(env, c => c is Key));
            Match mission = Regex.Match(env.Mission, "^get the (\\w+) key from the (\\w+) room, unlock the (\\w+) door and go to the goal$");

            // Six rooms, doors 3 below each room's top on the corridor walls, six colours, one locked.
            Assert.Equal(
                new[] { 3, 9, 15 }.SelectMany(y => new[] { new CellPosition(7, y), new CellPosition(11, y) }).OrderBy(c => (c.X, c.Y)),
                doors.OrderBy(c => (c.X, c.Y)));
            Assert.Equal(6, doorObjects.Select(d => d.Color).Distinct().Count());
            Door locked = Assert.Single(doorObjects, d => d.State == DoorState.Locked);
            Assert.Equal(5, doorObjects.Count(d => d.State == DoorState.Closed));
            lockedDoors.Add(doors[doorObjects.IndexOf(locked)]);

            Assert.True(mission.Success, env.Mission);
            Assert.Equal(ObjectNames.Of(locked.Color), mission.Groups[1].Value);
            Assert.Equal(ObjectNames.Of(locked.Color), mission.Groups[3].Value);
            Assert.Equal(locked.Color, env.CellAt(key.X, key.Y).Color);
            CellPosition keyRoomDoor = doors[doorObjects.FindIndex(d => ObjectNames.Of(d.Color) == mission.Groups[2].Value)];
            Assert.NotEqual(locked, env.CellAt(keyRoomDoor.X, keyRoomDoor.Y));
            Assert.True(InRoomOf(doors[doorObjects.IndexOf(locked)], goal), $"seed {seed}: the goal is not in the locked room.");
            Assert.True(InRoomOf(keyRoomDoor, key), $"seed {seed}: the key is not in the {mission.Groups[2].Value} room.");
            // The agent starts in the corridor.
            Assert.InRange(env.AgentPosition.X, 8, 10);
            Assert.InRange(env.AgentPosition.Y, 1, 17);
        }
        Assert.Equal(6, lockedDoors.Count);
    }

    // A room's inside spans the rows within 2 of its door, on the door's side of the corridor.
    private static bool InRoomOf(CellPosition door, CellPosition cell) =>
        cell.Y >= door.Y - 2 && cell.Y <= door.Y + 2 && (door.X == 7 ? cell.X is >= 1 and <= 6 : cell.X is >= 12 and <= 17);
}
