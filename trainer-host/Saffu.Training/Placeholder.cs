namespace Saffu.Training; internal static class Placeholder { }
