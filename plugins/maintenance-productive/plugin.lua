-- Technicien(ne) de maintenance productive: the rules of this CQPM.
--
-- 1. Competency 1 is "réalisé a minima sur deux équipements automatisés liés à
--    un process de fabrication" (its conditions): the plan names them.
-- 2. The reconstituted professional situation is allowed here, and only here
--    (its referential lists it as exceptional): the host library's default
--    check requires a written justification when it is chosen.

local M = {}

function M.plan_fields(ctx)
  return {
    [1] = {
      { id = "automated_equipment", type = "text_list", min = 2,
        label = "Équipements automatisés du process de fabrication (au moins deux)" },
    },
  }
end

function M.check_modality_plan(ctx)
  local refusal = cqpm.defaults.check_modality_plan(ctx)
  if refusal then return refusal end
  for index, entry in ipairs(ctx.plan) do
    if entry.competency == 1 then
      local names, count = {}, 0
      for _, name in ipairs((entry.details or {}).automated_equipment or {}) do
        if not cqpm.blank(name) then
          local key = name:lower():gsub("^%s+", ""):gsub("%s+$", "")
          if not names[key] then count = count + 1 end
          names[key] = true
        end
      end
      if count < 2 then
        return cqpm.plan_refusal(index, 1, "details.automated_equipment",
          "competency 1 is carried out on at least two automated pieces of equipment: name them",
          "la compétence est évaluée sur au moins deux équipements automatisés : nommez-les.")
      end
    end
  end
  return nil
end

return M
