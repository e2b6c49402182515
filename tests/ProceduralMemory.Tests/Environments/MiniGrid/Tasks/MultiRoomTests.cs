using ProceduralMemory.Environments;
using ProceduralMemory.Environments.MiniGrid;
using ProceduralMemory.Environments.MiniGrid.Tasks;

namespace ProceduralMemory.Tests.Environments.MiniGrid.Tasks;

public class MultiRoomTests
{
    // MiniGrid id, rooms, largest room side, step limit.
    public static TheoryData<string, int, int, int> Configurations() => new()
    {
        { "MiniGrid-MultiRoom-N2-S4-v0", 2, 4, 40 },
        { "MiniGrid-MultiRoom-N4-S5-v0", 6, 5, 120 },
        { "MiniGrid-MultiRoom-N6-v0", 6, 10, 120 },
    };

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Generate_OverManySeeds_ChainsTheRoomsDoorByDoorFromAgentToGoal(string miniGridId, int rooms, int maxRoomSize, int maxSteps)
    {
        MiniGridEnvironment env = MiniGridFamily.FindById(miniGridId)!.Create();
        Assert.Equal(maxSteps, env.MaxSteps);
        Assert.Equal((25, 25), (env.Width, env.Height));
        var doorColors = new HashSet<ObjectColor>();
        for (int seed = 0; seed < 150; seed++)
        {
            env.Reset(seed);
            List<CellPosition> doors = TaskLayouts.Cells(env, c => c is Door);
            CellPosition goal = Assert.Single(TaskLayouts.Cells(env, c => c is Goal));

            Assert.Equal(MultiRoomEnvironment.MultiRoomMission, env.Mission);
            Assert.Equal(rooms - 1, doors.Count);
            Assert.All(doors, d => Assert.Equal(DoorState.Closed, ((Door)env.CellAt(d.X, d.Y)).State));
            doorColors.UnionWith(doors.Select(d => env.CellAt(d.X, d.Y).Color));
            Assert.IsType<Empty>(env.CellAt(env.AgentPosition.X, env.AgentPosition.Y));
            // A chain: the goal is reached through every door, and no way round any of them.
            Assert.Equal(rooms - 1, TaskLayouts.DoorsBetweenAgentAnd(env, goal));
            // Every door is reached through the doors before it: one per room, the first after 1, the last after rooms - 1.
            Assert.Equal(Enumerable.Range(1, rooms - 1), doors.Select(d => TaskLayouts.DoorsBetweenAgentAnd(env, d)).Order());
            // The rooms' insides, as the areas the doors separate: one per room, each side 4..maxRoomSize walls included.
            List<(int Width, int Height)> insides = RoomInsides(env);
            Assert.Equal(rooms, insides.Count);
            Assert.All(insides, inside =>
            {
                Assert.InRange(inside.Width, 2, maxRoomSize - 2);
                Assert.InRange(inside.Height, 2, maxRoomSize - 2);
            });
        }
        Assert.Equal(6, doorColors.Count);
    }

    [Fact]
    public void Generate_ConsecutiveDoors_DifferInColour()
    {
        MiniGridEnvironment env = MiniGridFamily.FindById("MiniGrid-MultiRoom-N6-v0")!.Create();
        for (int seed = 0; seed < 100; seed++)
        {
            env.Reset(seed);
            List<CellPosition> inChainOrder = TaskLayouts.Cells(env, c => c is Door)
                .OrderBy(d => TaskLayouts.DoorsBetweenAgentAnd(env, d)).ToList();
            for (int i = 1; i < inChainOrder.Count; i++)
                Assert.NotEqual(env.CellAt(inChainOrder[i - 1].X, inChainOrder[i - 1].Y).Color, env.CellAt(inChainOrder[i].X, inChainOrder[i].Y).Color);
        }
    }

    [Fact]
    public void Step_OntoTheGoal_EndsWithTheSuccessReward()
    {
        var grid = TaskLayouts.WalledRoom(25, 25);
        grid.Set(3, 1, new Goal());
        var env = new MultiRoomEnvironment("multiroom-n2-s4", 2, 2, 4);
        env.Reset(new MiniGridLayout(grid, new CellPosition(2, 1), Direction.Right, MultiRoomEnvironment.MultiRoomMission));

        StepResult result = env.Step(MiniGridEnvironment.Forward);

        Assert.True(result.Terminated);
        Assert.Equal(1 - 0.9 / 40, result.Reward, 9);
    }

    // The bounding boxes of the areas of open cells (neither wall nor door) reachable from the agent, doors
    // passable, each area found without crossing a door.
    private static List<(int Width, int Height)> RoomInsides(MiniGridEnvironment env)
    {
        var seen = new HashSet<CellPosition>();
        var insides = new List<(int, int)>();
        var frontier = new Queue<CellPosition>([env.AgentPosition]);
        var doorsToCross = new Queue<CellPosition>();
        seen.Add(env.AgentPosition);
        while (frontier.Count > 0 || doorsToCross.Count > 0)
        {
            if (frontier.Count == 0)
            {
                // Start the next area from an unseen open neighbour of a door.
                CellPosition door = doorsToCross.Dequeue();
                foreach (CellPosition next in Neighbours(door))
                    if (env.CellAt(next.X, next.Y) is Empty or Goal && seen.Add(next))
                        frontier.Enqueue(next);
                continue;
            }
            int minX = int.MaxValue, maxX = int.MinValue, minY = int.MaxValue, maxY = int.MinValue;
            while (frontier.TryDequeue(out CellPosition cell))
            {
                (minX, maxX, minY, maxY) = (Math.Min(minX, cell.X), Math.Max(maxX, cell.X), Math.Min(minY, cell.Y), Math.Max(maxY, cell.Y));
                foreach (CellPosition next in Neighbours(cell))
                {
                    WorldObject content = env.CellAt(next.X, next.Y);
                    if (content is Door && seen.Add(next))
                        doorsToCross.Enqueue(next);
                    else if (content is Empty or Goal && seen.Add(next))
                        frontier.Enqueue(next);
                }
            }
            insides.Add((maxX - minX + 1, maxY - minY + 1));
        }
        return insides;
    }

    private static IEnumerable<CellPosition> Neighbours(CellPosition cell) =>
        [new(cell.X + 1, cell.Y), new(cell.X - 1, cell.Y), new(cell.X, cell.Y + 1), new(cell.X, cell.Y - 1)];
}
