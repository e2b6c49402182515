using ProceduralMemory.Environments;

namespace ProceduralMemory.Memory;

/// <summary>
/// How a skill acts: the policy of an option. The seed's kind replays a fixed action sequence
/// (<see cref="OpenLoopPolicy"/>); a closed-loop neural module implements the same interface.
/// </summary>
public interface ISkillPolicy
{
    /// <summary>A short stable name of the policy kind (e.g. <c>open-loop</c>), stored with the skill.</summary>
    string Kind { get; }

    /// <summary>
    /// Chooses the action for step <paramref name="step"/> (0-based) of one execution of the skill.
    /// </summary>
    /// <returns>An action index, or <c>null</c> when the policy has nothing more to do.</returns>
    int? ChooseAction(Observation observation, int step);
}
