using ProceduralMemory.Agents.Exploration;
using ProceduralMemory.Agents.Perception;
using ProceduralMemory.Environments.Grid;
using ProceduralMemory.Environments.MiniGrid;

namespace ProceduralMemory.Tests.Agents.Exploration;

public class NoveltyExplorerTests
{
    [Fact]
    public void CoversDoorKeyRoomsFarFasterThanARandomWalk()
    {
        var env = new DoorKeyEnvironment(8);
        var perception = new MiniGridPerception();
        var explorer = new NoveltyExplorer(env.Actions.Count, factMask: 0b111);
        var rng = new Rng(1);
        double CellsVisitedIn60Steps(Func<int> choose, int layout) =>
            ExplorationRun.PlacesReached(env, perception, explorer, layout, 60, choose, p => (((IPoseTracking)p).Pose.X, ((IPoseTracking)p).Pose.Y));

        for (int layout = 100; layout < 105; layout++)
            CellsVisitedIn60Steps(() => explorer.ChooseAction(perception, rng), layout); // learn what actions do
        double novelty = Enumerable.Range(0, 10).Average(l => CellsVisitedIn60Steps(() => explorer.ChooseAction(perception, rng), l));
        double random = Enumerable.Range(0, 10).Average(l => CellsVisitedIn60Steps(() => rng.NextInt(7), l));

        Assert.True(novelty > 2 * random, $"novelty visited {novelty} cells on average, random {random}");
    }

    [Fact]
    public void UsuallyLoses_LearnsThatDroppingLosesTheKey()
    {
        var explorer = new NoveltyExplorer(7, factMask: 1);
        var perception = new MiniGridPerception();
        var env = new DoorKeyEnvironment(5);
        perception.Reset(env.Reset(0).Observation);
        // Nothing learned yet: no action is known to lose anything.
        Assert.False(explorer.UsuallyLoses(perception, MiniGridEnvironment.Drop, 1));
    }

    [Fact]
    public void NeedsAPerceptionThatTracksThePose()
    {
        var env = new DoorKeyEnvironment(5);
        var perception = new ObservationPerception(env.FeatureCount);
        perception.Reset(env.Reset(0).Observation);
        Assert.Throws<ArgumentException>(() => new NoveltyExplorer(7, factMask: 1).BeginEpisode(perception));
    }
}
