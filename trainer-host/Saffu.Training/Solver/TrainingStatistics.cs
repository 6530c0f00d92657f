namespace Saffu.Training.Solver;

/// <summary>
/// The sufficient statistics of a trained model by layer name (the training state,
/// docs/model-dir.md): the last counted F and K sums of every explicitly solved layer.
/// </summary>
public sealed class TrainingStatistics
{
    readonly SortedDictionary<string, LayerStatistics> layers = new(StringComparer.Ordinal);

    /// <summary>Layers in name order (the file order).</summary>
    public IEnumerable<LayerStatistics> Layers => layers.Values;

    public LayerStatistics? this[string name] => layers.GetValueOrDefault(name);

    public void Set(IEnumerable<LayerStatistics> counted)
    {
        foreach (LayerStatistics s in counted) layers[s.Name] = s;
    }
}
