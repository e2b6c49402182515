namespace ProceduralMemory.Memory.Keys;

/// <summary>
/// Turns a situation into a skill key: the vector a skill is stored under and a query is compared with. Keys from
/// different models are not comparable, so a library records the <see cref="ModelId"/> its keys came from and
/// refuses keys from another.
/// </summary>
/// <typeparam name="TSituation">What a key is computed from: perceived features, a text, a tool-call context.</typeparam>
public interface IKeyProvider<in TSituation>
{
    /// <summary>
    /// Names the model and every setting that changes its keys, such as
    /// <c>random-projection/v1 seed=42 dim=32 features=71</c>: equal ids give comparable keys.
    /// </summary>
    string ModelId { get; }

    /// <summary>The length of every key.</summary>
    int Dimension { get; }

    /// <summary>The unit-length key of <paramref name="situation"/>; the same situation always gives the same key.</summary>
    float[] KeyOf(TSituation situation);
}
