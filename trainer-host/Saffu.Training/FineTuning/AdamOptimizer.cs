using System.Numerics.Tensors;

namespace Saffu.Training.FineTuning;

/// <summary>Adam (Kingma &amp; Ba) over a fixed list of parameter arrays, with bias correction.</summary>
public sealed class AdamOptimizer
{
    readonly float[][] parameters, m, v;
    readonly FineTuneOptions options;
    readonly float[] scratch;
    long step;

    public AdamOptimizer(IReadOnlyList<float[]> parameters, FineTuneOptions options)
    {
        this.parameters = parameters.ToArray();
        m = this.parameters.Select(p => new float[p.Length]).ToArray();
        v = this.parameters.Select(p => new float[p.Length]).ToArray();
        scratch = new float[this.parameters.Select(p => p.Length).DefaultIfEmpty(0).Max()];
        this.options = options;
    }

    public long Steps => step;

    /// <summary>One step with gradients[i] for parameters[i] (same lengths).</summary>
    public void Step(IReadOnlyList<float[]> gradients)
    {
        step++;
        float b1 = (float)options.Beta1, b2 = (float)options.Beta2;
        float lr = (float)(options.LearningRate * Math.Sqrt(1 - Math.Pow(options.Beta2, step)) / (1 - Math.Pow(options.Beta1, step)));
        float eps = (float)options.AdamEpsilon;
        for (int k = 0; k < parameters.Length; k++)
        {
            Span<float> g = gradients[k], mk = m[k], vk = v[k], p = parameters[k], s = scratch.AsSpan(0, p.Length);
            TensorPrimitives.Multiply(mk, b1, mk);
            TensorPrimitives.MultiplyAdd(g, 1 - b1, mk, mk);          // m = β1·m + (1−β1)·g
            TensorPrimitives.Multiply(g, g, s);
            TensorPrimitives.Multiply(vk, b2, vk);
            TensorPrimitives.MultiplyAdd(s, 1 - b2, vk, vk);          // v = β2·v + (1−β2)·g²
            TensorPrimitives.Sqrt(vk, s);
            TensorPrimitives.Add(s, eps, s);
            TensorPrimitives.Divide(mk, s, s);
            TensorPrimitives.MultiplyAdd(s, -lr, p, p);               // p −= lr·m̂ / (√v̂ + ε)
        }
    }
}
