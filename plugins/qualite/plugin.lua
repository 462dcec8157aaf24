-- This CQPM has no rule of its own beyond its referential: the host library's
-- defaults apply (every competency planned once with a modality the referential
-- allows, no company opinion for VAE, a bloc awarded when all its competencies
-- are acquired, the CQPM when all are). A rule of its own would be a hook here.
return {}
