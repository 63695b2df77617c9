// Every built-in component, all families: the one list the host's registry starts from.
// A family = one `builtin<Family>` list in this folder; add the list here once, its entries need nothing else.
public enum BuiltinComponents {
    public static var all: [ComponentRegistration] {
        builtinDatasets + builtinSplits + builtinItemIDStrategies + builtinUserIDStrategies + builtinPrompts
            + builtinTokenizers + builtinModels + builtinTrainers + builtinDecoders + builtinMetrics + builtinReporters + builtinRecommenders
    }
}
