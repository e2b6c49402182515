using ProceduralMemory.Learning;
using ProceduralMemory.Neural;

namespace ProceduralMemory.Tests.Learning;

public class SkillModuleTests
{
    private static AgentStep[] Demo(int length, float feature, int action) =>
        Enumerable.Range(0, length).Select(i => new AgentStep(i, 0, [feature, 1 - feature], action, 0, 0)).ToArray();

    [Fact]
    public void AddDemonstration_PastCapacity_DropsTheOldest()
    {
        var module = new SkillModule(2, 3, [4], capacity: 2, seed: 1);
        module.AddDemonstration(Demo(9, 0, 0));
        module.AddDemonstration(Demo(2, 0, 0));
        module.AddDemonstration(Demo(3, 0, 0));
        Assert.Equal(2, module.DemonstrationCount);
        Assert.Equal(3, module.LongestDemonstration);
    }

    [Fact]
    public void Retrain_ClonesTheDemonstratedActions_AndOnlyRunsWhenSomethingArrived()
    {
        var module = new SkillModule(2, 3, [8], capacity: 10, seed: 1);
        module.AddDemonstration(Demo(5, 1, 2));
        module.AddDemonstration(Demo(5, 0, 1));
        var options = new BehaviourCloningOptions { Epochs = 200, LearningRate = 1e-2f };

        Assert.NotNull(module.Retrain(options));
        Assert.Equal(2, module.Network.Predict([1f, 0f]));
        Assert.Equal(1, module.Network.Predict([0f, 1f]));
        Assert.Null(module.Retrain(options));
    }
}
