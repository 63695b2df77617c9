// The built-in prompt formats, one line each. The default template is IDGenRec's sequential prompt.
public let builtinPrompts: [ComponentRegistration] = [
    .init(kind: .prompt, name: "template-file", summary: "IDGenRec/OpenP5 prompt file and/or inline templates",
          defaults: TemplateFilePrompts.Config(templates: [.init(
              input: "Considering {dataset} user_{user_id} has interacted with {dataset} items {history} . What is the next recommendation for the user ?",
              output: "{target}")]),
          inputFiles: ["path"]) { try TemplateFilePrompts(config: $0) },
]
