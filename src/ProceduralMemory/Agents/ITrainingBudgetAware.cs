namespace ProceduralMemory.Agents;

/// <summary>
/// An agent whose schedule (exploration, say) depends on how long it will train: the harness tells it the step
/// budget before the first training episode, so a short budget is not cut off halfway through exploring.
/// </summary>
public interface ITrainingBudgetAware
{
    /// <summary>Training will take at most <paramref name="trainingSteps"/> environment steps from now.</summary>
    void PlanForBudget(int trainingSteps);
}
