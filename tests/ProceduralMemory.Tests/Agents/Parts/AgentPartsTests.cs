using ProceduralMemory.Agents;
using ProceduralMemory.Agents.Exploration;
using ProceduralMemory.Agents.Learners;
using ProceduralMemory.Agents.Perception;
using ProceduralMemory.Agents.Selection;
using ProceduralMemory.Environments;
using ProceduralMemory.Learning;
using ProceduralMemory.Memory;

namespace ProceduralMemory.Tests.Agents.Parts;

public class AgentPartsTests
{
    [Fact]
    public void AGivenExplorer_ChoosesEveryActionWhenNoSkillRuns_AndSeesEveryStep()
    {
        var explorer = new FixedActionExplorer(FetchEnvironment.Right);
        var agent = new ProceduralMemoryAgent(new FetchEnvironment(), parts: new AgentParts { Explorer = explorer });

        EpisodeSummary episode = agent.PlayEpisode(layoutSeed: 3, maxSteps: 40, learn: true);

        Assert.Equal(1, explorer.Episodes);
        Assert.Equal(episode.Steps, explorer.Choices);
        Assert.Equal(episode.Steps, explorer.Steps);
    }

    [Fact]
    public void AGivenLearnerAndSelector_AreTheOnesUsed()
    {
        var learner = new CountingLearner(new SubgoalSkillLearner(0b11));
        var selector = new NeverSelector();
        var agent = new ProceduralMemoryAgent(new FetchEnvironment(), new ProceduralMemoryAgentOptions { Seed = 2 },
            parts: new AgentParts { Learner = learner, Selector = selector });

        int skillUses = 0, episodes = 0;
        while (episodes < 200 && (agent.Library.Count == 0 || selector.Calls < 20))
        {
            skillUses += agent.PlayEpisode(layoutSeed: 1000 + episodes, maxSteps: 40, learn: true).SkillUses;
            episodes++;
        }

        Assert.Equal(episodes, learner.Episodes);
        Assert.True(agent.Library.Count > 0, "the learner made no skill in 200 episodes");
        Assert.True(selector.Calls >= 20, $"the selector was asked {selector.Calls} times");
        Assert.Equal(0, skillUses); // the selector never picks one, so no skill ever runs
    }

    [Fact]
    public void AGivenPerception_IsTheOneTheAgentSees()
    {
        var provider = new CountingPerceptionProvider();
        var agent = new ProceduralMemoryAgent(new FetchEnvironment(), parts: new AgentParts { Perception = provider });

        EpisodeSummary episode = agent.PlayEpisode(layoutSeed: 5, maxSteps: 40, learn: false);

        Assert.Equal(1, provider.Created);
        Assert.Equal(episode.Steps, provider.Perception!.Observed);
    }

    private sealed class FixedActionExplorer(int action) : IExplorer
    {
        public int Episodes { get; private set; }
        public int Choices { get; private set; }
        public int Steps { get; private set; }

        public void BeginEpisode(IPerception perception) => Episodes++;

        public int ChooseAction(IPerception perception, Rng rng)
        {
            Choices++;
            return action;
        }

        public void BeforeStep(IPerception perception)
        {
        }

        public void AfterStep(int action, IPerception perception, bool learnOutcome = true) => Steps++;

        public bool UsuallyLoses(IPerception perception, int action, ulong facts) => false;
    }

    private sealed class CountingLearner(ISkillLearner inner) : ISkillLearner
    {
        public int Episodes { get; private set; }

        public void Learn(IReadOnlyList<AgentStep> episode, bool succeeded, ISkillWorkshop workshop)
        {
            Episodes++;
            inner.Learn(episode, succeeded, workshop);
        }
    }

    private sealed class NeverSelector : ISkillSelector
    {
        public int Calls { get; private set; }

        public Skill? Choose(SkillLibrary library, Facts facts, float[] query, bool explore)
        {
            Calls++;
            return null;
        }
    }

    private sealed class CountingPerceptionProvider : IPerceptionProvider
    {
        public int Created { get; private set; }
        public CountingPerception? Perception { get; private set; }

        public IPerception CreatePerception()
        {
            Created++;
            return Perception = new CountingPerception(new ObservationPerception(FetchEnvironment.FeatureLength));
        }
    }

    private sealed class CountingPerception(IPerception inner) : IPerception
    {
        public int Observed { get; private set; }
        public int FeatureCount => inner.FeatureCount;
        public Observation Observation => inner.Observation;
        public Facts Facts => inner.Facts;
        public long StateKeyWith(ulong facts) => inner.StateKeyWith(facts);
        public void Reset(Observation first) => inner.Reset(first);

        public void Observe(int action, Observation next)
        {
            Observed++;
            inner.Observe(action, next);
        }

        public void WriteFeatures(Span<float> destination) => inner.WriteFeatures(destination);
    }
}
