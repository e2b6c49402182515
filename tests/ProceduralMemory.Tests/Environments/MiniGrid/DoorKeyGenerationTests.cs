using ProceduralMemory.Environments.MiniGrid;

namespace ProceduralMemory.Tests.Environments.MiniGrid;

public class DoorKeyGenerationTests
{
    public static TheoryData<int> Sizes() => new(DoorKeyEnvironment.RegisteredSizes);

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Generate_OverManySeeds_FollowsMiniGridsDoorKeyRules(int size)
    {
        var env = new DoorKeyEnvironment(size);
        var wallColumns = new HashSet<int>();
        var doorRows = new HashSet<int>();
        var directions = new HashSet<Direction>();
        for (int seed = 0; seed < 400; seed++)
        {
            env.Reset(seed);
            int wallX = FindWallColumn(env);
            int doorY = Enumerable.Range(0, size).Single(y => env.CellAt(wallX, y) is Door);
            wallColumns.Add(wallX);
            doorRows.Add(doorY);
            directions.Add(env.AgentDirection);
            CellPosition key = FindSingle(env, c => c is Key);

            Assert.InRange(wallX, 2, size - 3);
            Assert.InRange(doorY, 1, size - 3);
            Assert.Equal(new Door(ObjectColor.Yellow, DoorState.Locked), env.CellAt(wallX, doorY));
            Assert.Equal(new Key(ObjectColor.Yellow), env.CellAt(key.X, key.Y));
            Assert.Equal(new Goal(), env.CellAt(size - 2, size - 2));
            Assert.Equal(new CellPosition(size - 2, size - 2), FindSingle(env, c => c is Goal));
            Assert.InRange(key.X, 1, wallX - 1);
            Assert.InRange(env.AgentPosition.X, 1, wallX - 1);
            Assert.InRange(env.AgentPosition.Y, 1, size - 2);
            Assert.NotEqual(key, env.AgentPosition);
            Assert.Equal(Empty.Instance, env.CellAt(env.AgentPosition.X, env.AgentPosition.Y));
            Assert.Null(env.Carrying);
            for (int i = 0; i < size; i++)
            {
                Assert.IsType<Wall>(env.CellAt(i, 0));
                Assert.IsType<Wall>(env.CellAt(i, size - 1));
                Assert.IsType<Wall>(env.CellAt(0, i));
                Assert.IsType<Wall>(env.CellAt(size - 1, i));
            }
        }
        // Every allowed value is drawn: the ranges are MiniGrid's, not narrower.
        Assert.Equal(Enumerable.Range(2, size - 4), wallColumns.Order());
        Assert.Equal(Enumerable.Range(1, size - 3), doorRows.Order());
        Assert.Equal(4, directions.Count);
    }

    [Fact]
    public void Generate_SameSeed_SameLayout_OtherSeed_OtherLayout()
    {
        var a = new DoorKeyEnvironment(8);
        var b = new DoorKeyEnvironment(8);
        a.Reset(5);
        b.Reset(5);
        byte[] first = a.CurrentLayout().EncodeGrid();

        Assert.Equal(first, b.CurrentLayout().EncodeGrid());
        Assert.Equal(a.AgentPosition, b.AgentPosition);
        Assert.Equal(a.AgentDirection, b.AgentDirection);
        var layouts = Enumerable.Range(0, 20).Select(seed =>
        {
            a.Reset(seed);
            return Convert.ToHexString(a.CurrentLayout().EncodeGrid()) + a.AgentPosition + a.AgentDirection;
        });
        Assert.True(layouts.Distinct().Count() > 10);
    }

    [Fact]
    public void Reset_WithoutASeed_ContinuesTheGenerator_Reproducibly()
    {
        var a = new DoorKeyEnvironment(8);
        var b = new DoorKeyEnvironment(8);
        a.Reset(9);
        b.Reset(9);
        a.Reset();
        b.Reset();

        Assert.Equal(a.CurrentLayout().EncodeGrid(), b.CurrentLayout().EncodeGrid());
    }

    private static int FindWallColumn(DoorKeyEnvironment env) =>
        Enumerable.Range(1, env.Size - 2).Single(x =>
            Enumerable.Range(0, env.Size).All(y => env.CellAt(x, y) is Wall or Door));

    private static CellPosition FindSingle(DoorKeyEnvironment env, Func<WorldObject, bool> match) =>
        (from x in Enumerable.Range(0, env.Size)
         from y in Enumerable.Range(0, env.Size)
         where match(env.CellAt(x, y))
         select new CellPosition(x, y)).Single();
}
