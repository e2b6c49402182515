using ProceduralMemory.Agents.Exploration;
using ProceduralMemory.Agents.Perception;
using ProceduralMemory.Environments.Grid;
using ProceduralMemory.Environments.MiniGrid;
using ProceduralMemory.Tests.Agents.Parts;

namespace ProceduralMemory.Tests.Agents.Perception;

public class PerceptionsTests
{
    [Fact]
    public void For_GivesAnEnvironmentsOwnPerception_OrTheObservationsWhenItHasNone()
    {
        Assert.IsType<MiniGridPerception>(Perceptions.For(new DoorKeyEnvironment(5)));
        Assert.IsType<GridWorldPerception>(Perceptions.For(new GridWorld()));
        Assert.IsType<ObservationPerception>(Perceptions.For(new FetchEnvironment()));
    }

    [Fact]
    public void Explorers_For_AGridPerception_IsTheNoveltyExplorer_AndForAnyOther_TheCountExplorer()
    {
        var options = new ExplorationOptions();
        Assert.IsType<NoveltyExplorer>(Explorers.For(new MiniGridPerception(), 7, 1, options));
        Assert.IsType<CountExplorer>(Explorers.For(new ObservationPerception(5), 5, 1, options));
    }

    [Fact]
    public void ObservationPerception_GivesTheObservationsFeaturesAndFacts_AndKeysStatesByThem()
    {
        var env = new FetchEnvironment();
        IPerception perception = Assert.IsType<ObservationPerception>(Perceptions.For(env));
        perception.Reset(env.Reset(4).Observation);
        var features = new float[perception.FeatureCount];
        perception.WriteFeatures(features);
        long start = perception.StateKey;

        Assert.Equal(env.Reset(4).Observation.ToFeatureArray(), features);
        Assert.Equal(env.Reset(4).Observation.Facts, perception.Facts);
        Assert.NotEqual(start, perception.StateKeyWith(perception.Facts.Bits ^ 1));

        // A step that changes nothing observable (walking into the edge) keeps the key; one that does changes it.
        var (agent, _, _) = FetchEnvironment.LayoutOf(4);
        int intoEdge = agent % FetchEnvironment.Size == 0 ? FetchEnvironment.Left : FetchEnvironment.Right;
        int awayFromEdge = intoEdge == FetchEnvironment.Left ? FetchEnvironment.Right : FetchEnvironment.Left;
        while (true)
        {
            perception.Observe(intoEdge, env.Step(intoEdge).Observation);
            long here = perception.StateKey;
            perception.Observe(intoEdge, env.Step(intoEdge).Observation);
            if (perception.StateKey == here)
                break;
        }
        long atEdge = perception.StateKey;
        perception.Observe(awayFromEdge, env.Step(awayFromEdge).Observation);
        Assert.NotEqual(atEdge, perception.StateKey);
        perception.Observe(intoEdge, env.Step(intoEdge).Observation);
        Assert.Equal(atEdge, perception.StateKey);
    }
}
