using ProceduralMemory.Environments;
using ProceduralMemory.Memory;

namespace ProceduralMemory.Agents.Selection;

/// <summary>
/// Ranks the <see cref="SelectionOptions.TopK"/> most similar applicable skills by similarity to the state's key plus
/// success rate plus (while learning) an upper-confidence bonus, and picks the best whose effect does not hold yet.
/// </summary>
/// <param name="options">The ranking's settings.</param>
/// <param name="weightOf">
/// A skill's selection weight for a state's key (the per-context lifecycle's: 0 where it does not serve, below 1 as it
/// decays), or null for none. A skill weighted 0 is skipped; otherwise the weight's logarithm is added to its score,
/// which scales its share of a softmax over the scores by the weight.
/// </param>
public sealed class RankedSkillSelector(SelectionOptions options, Func<Skill, float[], double>? weightOf = null) : ISkillSelector
{
    /// <inheritdoc />
    public Skill? Choose(SkillLibrary library, Facts facts, float[] query, bool explore)
    {
        if (library.Count == 0)
            return null;
        int totalUses = library.Skills.Sum(s => s.Statistics.Uses);
        Skill? best = null;
        double bestScore = double.NegativeInfinity;
        foreach (Skill skill in library.Retrieve(facts, query, options.TopK))
        {
            if (skill.Effect.IsSatisfiedBy(facts))
                continue; // nothing left for it to achieve
            SkillStatistics stats = skill.Statistics;
            double rate = stats.Uses == 0 ? options.UntriedSuccessRate : stats.SuccessRate;
            double bonus = explore ? options.ConfidenceBonus * Math.Sqrt(Math.Log(totalUses + 1) / (stats.Uses + 1)) : 0;
            double score = VectorMath.CosineSimilarity(query, skill.Key) + rate + bonus;
            if (weightOf is not null)
            {
                double weight = weightOf(skill, query);
                if (weight <= 0)
                    continue; // not in this context
                score += Math.Log(weight);
            }
            if (score > bestScore)
                (best, bestScore) = (skill, score);
        }
        return best;
    }
}
