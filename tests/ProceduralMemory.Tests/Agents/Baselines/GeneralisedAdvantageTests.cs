using ProceduralMemory.Agents.Baselines;

namespace ProceduralMemory.Tests.Agents.Baselines;

public class GeneralisedAdvantageTests
{
    [Fact]
    public void Compute_MatchesAHandWorkedRolloutOfTwoLanes()
    {
        // Two lanes, three steps each, step-major (sample t·2 + e). γ = 0.5, λ = 0.5, so γλ = 0.25.
        // Lane 0: rewards 1, 0, 2; values 0.5, 1, 1; no episode ends; the value after its last step is 4.
        //   t2: δ = 2 + 0.5·4 − 1 = 3;          A = 3
        //   t1: δ = 0 + 0.5·1 − 1 = −0.5;       A = −0.5 + 0.25·3 = 0.25
        //   t0: δ = 1 + 0.5·1 − 0.5 = 1;        A = 1 + 0.25·0.25 = 1.0625
        // Lane 1: rewards 0, 1, 0; values 2, 1, 3; its episode ends at t1 (a new one starts at t2); last value 2.
        //   t2: δ = 0 + 0.5·2 − 3 = −2;         A = −2
        //   t1: done, so δ = 1 − 1 = 0;          A = 0 (nothing flows back across the episode's end)
        //   t0: δ = 0 + 0.5·1 − 2 = −1.5;       A = −1.5 + 0.25·0 = −1.5
        float[] rewards = [1, 0, 0, 1, 2, 0];
        float[] values = [0.5f, 2, 1, 1, 1, 3];
        bool[] dones = [false, false, false, true, false, false];
        float[] lastValues = [4, 2];
        var advantages = new float[6];
        var returns = new float[6];

        GeneralisedAdvantage.Compute(rewards, values, dones, lastValues, 0.5f, 0.5f, advantages, returns);

        Assert.Equal([1.0625f, -1.5f, 0.25f, 0f, 3f, -2f], advantages);
        Assert.Equal([1.5625f, 0.5f, 1.25f, 1f, 4f, 1f], returns);
    }

    [Fact]
    public void Compute_WithLambdaOne_GivesTheDiscountedReturnToTheEpisodesEnd()
    {
        float[] rewards = [0, 0, 1];
        float[] values = [0.3f, -0.2f, 0.7f];
        var advantages = new float[3];
        var returns = new float[3];
        GeneralisedAdvantage.Compute(rewards, values, [false, false, true], [100f], 0.9f, 1f, advantages, returns);
        Assert.Equal(0.81, returns[0], 5);
        Assert.Equal(0.9, returns[1], 5);
        Assert.Equal(1.0, returns[2], 5);
    }

    [Fact]
    public void Compute_RejectsARolloutThatIsNotWholeSteps() =>
        Assert.Throws<ArgumentException>(() => GeneralisedAdvantage.Compute(new float[5], new float[5], new bool[5], new float[2], 0.9f, 0.9f, new float[5], new float[5]));
}
