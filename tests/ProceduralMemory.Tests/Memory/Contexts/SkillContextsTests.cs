using ProceduralMemory.Memory.Contexts;

namespace ProceduralMemory.Tests.Memory.Contexts;

public class SkillContextsTests
{
    private static float[][] Keys(ulong seed, int count)
    {
        var rng = new Rng(seed);
        return Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, 8).Select(_ => (float)(2 * rng.NextDouble() - 1)).ToArray()).ToArray();
    }

    [Fact]
    public void TheSameKeysInTheSameOrder_FoundTheSameContexts_AndAssignTheSameNumbers()
    {
        float[][] keys = Keys(7, 200);
        var first = new SkillContexts(6, 0.3f);
        var second = new SkillContexts(6, 0.3f);

        int[] a = keys.Select(k => first.ContextOf(k, found: true)).ToArray();
        int[] b = keys.Select(k => second.ContextOf(k, found: true)).ToArray();

        Assert.Equal(a, b);
        Assert.Equal(first.Centroids, second.Centroids);
        Assert.InRange(first.Centroids.Count, 2, 6); // random keys are spread out: more than one context, never past the cap
        Assert.Equal(Enumerable.Range(0, first.Centroids.Count), a.Distinct().Order());
    }

    [Fact]
    public void AKeyNearACentroid_JoinsIt_AndAFarOne_FoundsANewContext()
    {
        var contexts = new SkillContexts(4, 0.9f);
        Assert.Equal(0, contexts.ContextOf([1, 0, 0], found: true));
        Assert.Equal(0, contexts.ContextOf([1, 0.1f, 0], found: true)); // cosine 0.995
        Assert.Equal(1, contexts.ContextOf([0, 1, 0], found: true));
        Assert.Equal(1, contexts.ContextOf([0.1f, 1, 0], found: true));
        Assert.Equal(2, contexts.Centroids.Count);
        Assert.Equal(2, contexts.ContextOf([0, 0, 1], found: true));
    }

    [Fact]
    public void WithoutFounding_AKeyTakesTheNearestContext_AndNothingChanges()
    {
        var contexts = new SkillContexts(4, 0.9f);
        Assert.Equal(0, contexts.ContextOf([0, 0, 1], found: false)); // no contexts yet: context 0
        Assert.Empty(contexts.Centroids);
        contexts.ContextOf([1, 0, 0], found: true);
        contexts.ContextOf([0, 1, 0], found: true);

        Assert.Equal(1, contexts.ContextOf([0.2f, 1, 0.5f], found: false));
        Assert.Equal(2, contexts.Centroids.Count);
    }

    [Fact]
    public void PastTheCap_AFarKeyJoinsTheNearestContext()
    {
        var contexts = new SkillContexts(2, 0.99f);
        contexts.ContextOf([1, 0, 0], found: true);
        contexts.ContextOf([0, 1, 0], found: true);

        Assert.Equal(1, contexts.ContextOf([0, 1, 0.9f], found: true));
        Assert.Equal(2, contexts.Centroids.Count);
    }

    [Fact]
    public void Adopt_AppendsTheNextNumber_ReplacesAFoundedOne_AndRefusesAGap()
    {
        var contexts = new SkillContexts(2, 0.5f);
        contexts.ContextOf([1f, 0f], found: true);

        contexts.Adopt(1, [0f, 1f]);
        contexts.Adopt(0, [-1f, 0f]); // another writer's context 0 stands
        contexts.Adopt(2, [0.6f, 0.8f]); // what is stored is there, beyond the cap

        Assert.Equal([[-1f, 0f], [0f, 1f], [0.6f, 0.8f]], contexts.Centroids);
        Assert.Equal(1, contexts.ContextOf([0.1f, 1f], found: true));
        Assert.Throws<ArgumentOutOfRangeException>(() => contexts.Adopt(4, [1f, 0f]));
    }
}
