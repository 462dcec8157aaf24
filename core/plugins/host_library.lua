-- The host library of CQPM Hub plugins (host API 1), loaded in every plugin's
-- sandbox before plugin.lua and visible to it as the global `cqpm`.
--
-- The host calls cqpm.dispatch{hook = name, ctx = ...}; a plugin implements a
-- hook by returning a table with a function of that name (see plugins/README.md),
-- and may call the defaults below to build on them. Hooks are pure functions of
-- their context: no I/O, results come back as data.
--
-- Every context carries: ctx.referential (the CQPM's referential), ctx.file
-- ({id, cqpm, pathway, state, candidate, registration, modality_plan}), ctx.actor
-- ({role, college, organisation_id}).
-- A refusal is {field = "...", message = "...", message_fr = "...", competency = n}.

local cqpm = { host_api = 1, defaults = {} }

-- Every competency of the referential, in order: {number, title, bloc, bloc_code}.
function cqpm.competencies(referential)
  local list = {}
  for bloc_index, bloc in ipairs(referential.blocs) do
    for _, competency in ipairs(bloc.competencies) do
      list[#list + 1] = { number = competency.number, title = competency.title, bloc = bloc_index,
                          bloc_code = bloc.code }
    end
  end
  return list
end

-- The referential's modality `id`, or nil.
function cqpm.modality(referential, id)
  for _, modality in ipairs(referential.modalities) do
    if modality.id == id then return modality end
  end
  return nil
end

-- The competency numbers (as strings, a set) the file plans, evaluates and has
-- validated: every competency, unless the file targets some blocs only or
-- carries blocs over from an earlier decision (ctx.file.scope).
function cqpm.in_scope(ctx)
  local set = {}
  local scope = ctx.file and ctx.file.scope
  if scope and scope.competencies then
    for _, number in ipairs(scope.competencies) do set[tostring(number)] = true end
    return set
  end
  for _, competency in ipairs(cqpm.competencies(ctx.referential)) do set[tostring(competency.number)] = true end
  return set
end

-- A refusal naming the plan entry of `competency` and the field at fault.
function cqpm.plan_refusal(index, competency, field, message, message_fr)
  return { field = "competencies[" .. (index - 1) .. "]" .. (field ~= "" and ("." .. field) or ""),
           competency = competency, message = "competency " .. competency .. ": " .. message,
           message_fr = "Compétence " .. competency .. " : " .. message_fr }
end

local function excluded(modality, pathway)
  for _, excluded_pathway in ipairs(modality.excluded_pathways or {}) do
    if excluded_pathway == pathway then return true end
  end
  return false
end

local function blank(text)
  return type(text) ~= "string" or text:match("^%s*$") ~= nil
end
cqpm.blank = blank

-- True for a real calendar date written YYYY-MM-DD.
function cqpm.is_date(text)
  if type(text) ~= "string" then return false end
  local y, m, d = text:match("^(%d%d%d%d)-(%d%d)-(%d%d)$")
  if not y then return false end
  y, m, d = tonumber(y), tonumber(m), tonumber(d)
  if m < 1 or m > 12 or d < 1 then return false end
  local days = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 }
  if m == 2 and (y % 4 == 0 and (y % 100 ~= 0 or y % 400 == 0)) then return d <= 29 end
  return d <= days[m]
end

-- "2027-03-01" written the French way: "01/03/2027".
function cqpm.french_date(text)
  local y, m, d = tostring(text):match("^(%d%d%d%d)-(%d%d)-(%d%d)$")
  if not y then return tostring(text) end
  return d .. "/" .. m .. "/" .. y
end

-- The entries of a credential_list answer that are well formed (older files may hold plain texts).
function cqpm.credentials(value)
  local list = {}
  for _, entry in ipairs(type(value) == "table" and value or {}) do
    if type(entry) == "table" and type(entry.symbol) == "string" and cqpm.is_date(entry.valid_until) then
      list[#list + 1] = entry
    end
  end
  return list
end

-- Checks one credential_list answer: a list of {symbol, issuer, valid_until}
-- (a habilitation, an authorisation), the symbol among field.symbols when the
-- field is closed. Returns a refusal or nil.
local function check_credentials(field, value, path)
  if value == nil or type(value) ~= "table" or #value == 0 then
    if field.required then
      return { field = path, message = field.id .. " needs at least one entry",
               message_fr = field.label .. " : indiquez au moins une habilitation ou autorisation." }
    end
    return nil
  end
  for i, entry in ipairs(value) do
    local at = path .. "[" .. (i - 1) .. "]"
    local row = "ligne " .. i
    if type(entry) ~= "table" then
      return { field = at, message = field.id .. " entries are {symbol, issuer, valid_until}",
               message_fr = field.label .. ", " .. row .. " : indiquez le titre, qui l'a délivré et sa date de validité." }
    end
    if blank(entry.symbol) or #entry.symbol > 40 then
      return { field = at .. ".symbol", message = field.id .. " entry " .. i .. " needs its symbol",
               message_fr = field.label .. ", " .. row .. " : indiquez le symbole (par exemple « " .. ((field.symbols or {})[1] or "B1V") .. " »)." }
    end
    if field.closed then
      local known = false
      for _, symbol in ipairs(field.symbols or {}) do
        if symbol == entry.symbol then known = true end
      end
      if not known then
        return { field = at .. ".symbol", message = field.id .. " entry " .. i .. ": unknown symbol " .. entry.symbol,
                 message_fr = field.label .. ", " .. row .. " : « " .. entry.symbol .. " » n'est pas un symbole reconnu ; choisissez-le dans la liste." }
      end
    end
    if blank(entry.issuer) or #entry.issuer > 200 then
      return { field = at .. ".issuer", message = field.id .. " entry " .. i .. " needs who issued it",
               message_fr = field.label .. ", " .. row .. " : indiquez qui l'a délivrée (employeur, organisme de formation)." }
    end
    if not cqpm.is_date(entry.valid_until) then
      return { field = at .. ".valid_until", message = field.id .. " entry " .. i .. " needs its validity date (YYYY-MM-DD)",
               message_fr = field.label .. ", " .. row .. " : indiquez la date de fin de validité." }
    end
    for key in pairs(entry) do
      if key ~= "symbol" and key ~= "issuer" and key ~= "valid_until" then
        return { field = at .. "." .. tostring(key), message = field.id .. " entries have no " .. tostring(key),
                 message_fr = field.label .. ", " .. row .. " : information inconnue « " .. tostring(key) .. " »." }
      end
    end
  end
  return nil
end

-- No extra registration field by default.
function cqpm.defaults.registration_fields(ctx)
  return {}
end

-- Checks the declared registration fields: required ones present, choices valid.
function cqpm.defaults.check_registration(ctx)
  local fields = PLUGIN.registration_fields and PLUGIN.registration_fields(ctx) or {}
  local given = ctx.file.registration or {}
  for _, field in ipairs(fields) do
    local value = given[field.id]
    local path = "registration." .. field.id
    if field.type == "choice" then
      if value == nil then
        if field.required then
          return { field = path, message = field.id .. " is required", message_fr = field.label .. " : information obligatoire." }
        end
      else
        local ok = false
        for _, choice in ipairs(field.choices) do
          if choice.id == value then ok = true end
        end
        if not ok then
          return { field = path, message = field.id .. " must be one of the listed choices",
                   message_fr = field.label .. " : choisissez une valeur de la liste." }
        end
      end
    elseif field.type == "credential_list" then
      local refusal = check_credentials(field, value, path)
      if refusal then return refusal end
    elseif field.type == "text_list" then
      if value == nil or type(value) ~= "table" or #value == 0 then
        if field.required then
          return { field = path, message = field.id .. " needs at least one entry",
                   message_fr = field.label .. " : indiquez au moins un élément." }
        end
      else
        for i, entry in ipairs(value) do
          if blank(entry) or #entry > 200 then
            return { field = path .. "[" .. (i - 1) .. "]", message = field.id .. " entries must be short non-empty texts",
                     message_fr = field.label .. " : chaque élément doit être un texte court non vide." }
          end
        end
      end
    end
  end
  for key in pairs(given) do
    local known = false
    for _, field in ipairs(fields) do
      if field.id == key then known = true end
    end
    if not known then
      return { field = "registration." .. key, message = "this CQPM has no registration field " .. key,
               message_fr = "Ce CQPM ne demande pas l'information « " .. key .. " »." }
    end
  end
  return nil
end

-- No extra field in the modality plan by default. A plugin returns, per
-- competency number, the fields its rules read from entry.details:
-- {[4] = {{id = "technologies", label = "...", type = "choices", choices = {...}}}}.
function cqpm.defaults.plan_fields(ctx)
  return {}
end

-- The seeds list the company's opinion among the modalities, yet it complements
-- the commission's evaluation (« ENTREPRISE (hors VAE) » beside « COMMISSION
-- D'EVALUATION »): it is the separate, signed step of the workflow for every
-- pathway but VAE, never a way to evaluate a competency.
cqpm.COMPANY_OPINION = "company_opinion"

-- Per competency number, the modality ids the referential allows for the file's pathway.
function cqpm.defaults.allowed_modalities(ctx)
  local allowed = {}
  for _, competency in ipairs(cqpm.competencies(ctx.referential)) do
    local ids = {}
    for _, modality in ipairs(ctx.referential.modalities) do
      if modality.id ~= cqpm.COMPANY_OPINION and not excluded(modality, ctx.file.pathway) then
        ids[#ids + 1] = modality.id
      end
    end
    allowed[competency.number] = ids
  end
  return allowed
end

-- The shortest justification of an exceptional modality, in bytes.
cqpm.MIN_JUSTIFICATION = 40

-- Checks a plan: every competency planned exactly once, with a modality allowed
-- for it and the pathway, and a written justification for an exceptional one.
function cqpm.defaults.check_modality_plan(ctx)
  local allowed_hook = PLUGIN.allowed_modalities or cqpm.defaults.allowed_modalities
  local allowed = allowed_hook(ctx)
  local in_scope = cqpm.in_scope(ctx)
  local plan = ctx.plan or {}
  local seen = {}
  for index, entry in ipairs(plan) do
    local number = entry.competency
    if seen[number] then
      return cqpm.plan_refusal(index, number, "competency", "is planned twice", "elle est prévue deux fois.")
    end
    seen[number] = true
    local ids = allowed[number]
    if ids == nil then
      return cqpm.plan_refusal(index, number, "competency", "is not a competency of this CQPM",
                               "ce n'est pas une compétence de ce CQPM.")
    end
    if not in_scope[tostring(number)] then
      return cqpm.plan_refusal(index, number, "competency",
                               "is not evaluated in this file: its bloc is not targeted, or is carried over",
                               "elle n'est pas à évaluer dans ce dossier : son bloc n'est pas visé, ou il est déjà obtenu.")
    end
    local modality_ok = false
    for _, id in ipairs(ids) do
      if id == entry.modality then modality_ok = true end
    end
    if not modality_ok and entry.modality == cqpm.COMPANY_OPINION then
      -- Plans written before the opinion stopped being a modality are refused here, at agreement too.
      return cqpm.plan_refusal(index, number, "modality",
                               "the company opinion is not an evaluation modality: it complements the commission's evaluation as a separate signed step",
                               "l'avis de l'entreprise n'est pas une modalité d'évaluation : il complète l'évaluation de la commission, à l'étape « Avis de l'entreprise » du dossier. Choisissez une autre modalité.")
    end
    if not modality_ok then
      local modality = cqpm.modality(ctx.referential, entry.modality)
      if modality and excluded(modality, ctx.file.pathway) then
        return cqpm.plan_refusal(index, number, "modality",
                                 "the modality " .. entry.modality .. " does not apply to the " .. ctx.file.pathway .. " pathway",
                                 "la modalité « " .. modality.label .. " » ne s'applique pas à ce parcours.")
      end
      return cqpm.plan_refusal(index, number, "modality",
                               "the referential does not allow the modality " .. tostring(entry.modality),
                               "le référentiel ne prévoit pas cette modalité d'évaluation.")
    end
    local modality = cqpm.modality(ctx.referential, entry.modality)
    if modality and modality.exceptional then
      -- The seeds allow it only « dans les cas exceptionnels où il est impossible
      -- de mettre en œuvre » an evaluation at work: the plan says why, in a real
      -- sentence the jury reads beside the result (not « RAS » or « oui »).
      local text = type(entry.justification) == "string" and entry.justification:match("^%s*(.-)%s*$") or ""
      if #text < cqpm.MIN_JUSTIFICATION then
        return cqpm.plan_refusal(index, number, "justification",
                                 "the modality " .. entry.modality .. " is exceptional: explain in at least " ..
                                   cqpm.MIN_JUSTIFICATION .. " characters why an evaluation at work is impossible",
                                 "cette modalité est exceptionnelle : expliquez par écrit pourquoi l'évaluation en situation réelle ou sur projets est impossible (" ..
                                   cqpm.MIN_JUSTIFICATION .. " caractères au moins) ; le jury lira cette justification.")
      end
    end
  end
  for _, competency in ipairs(cqpm.competencies(ctx.referential)) do
    if in_scope[tostring(competency.number)] and not seen[competency.number] then
      return { field = "competencies", competency = competency.number,
               message = "competency " .. competency.number .. " has no planned modality",
               message_fr = "Compétence " .. competency.number .. " : aucune modalité d'évaluation n'est prévue." }
    end
  end
  return nil
end

-- Every competency the file evaluates has a result other than not_evaluated.
function cqpm.defaults.check_evaluation_complete(ctx)
  local results = ctx.results or {}
  local in_scope = cqpm.in_scope(ctx)
  for _, competency in ipairs(cqpm.competencies(ctx.referential)) do
    local result = results[tostring(competency.number)]
    if in_scope[tostring(competency.number)] and result ~= "acquired" and result ~= "not_acquired" then
      return { field = "results." .. competency.number, competency = competency.number,
               message = "competency " .. competency.number .. " is not evaluated yet",
               message_fr = "Compétence " .. competency.number .. " : pas encore évaluée." }
    end
  end
  return nil
end

-- The modality in which the candidate presents projects or activities carried
-- out at work: the seeds have the candidate « transmet un rapport à l'UIMM
-- territoriale centre d'examen » for it.
cqpm.PROJECT_PRESENTATION = "project_presentation"

-- Before evidence is declared submitted: the report is uploaded when a
-- competency is evaluated on the presentation of projects. ctx.documents
-- counts the file's documents by kind ({report = 1, evidence = 2}).
function cqpm.defaults.check_evidence(ctx)
  local documents = ctx.documents or {}
  if (documents.report or 0) > 0 then return nil end
  local numbers = {}
  for _, entry in ipairs(ctx.file.modality_plan or {}) do
    if entry.modality == cqpm.PROJECT_PRESENTATION then numbers[#numbers + 1] = tostring(entry.competency) end
  end
  if #numbers == 0 then return nil end
  local list = table.concat(numbers, ", ")
  return { field = "documents.report", competency = tonumber(numbers[1]),
           message = "the candidate's report is not uploaded, and competencies " .. list ..
                     " are evaluated on the presentation of projects: upload the report first",
           message_fr = "Le rapport du candidat n'est pas déposé, alors que " ..
                        (#numbers > 1 and ("les compétences " .. list .. " sont évaluées")
                                      or ("la compétence " .. list .. " est évaluée")) ..
                        " sur présentation de projets : déposez le rapport d'abord." }
end

-- The bloc rule: a bloc is awarded when all its competencies are acquired, the
-- CQPM when all of them are. Blocs are named by code, or by their position
-- ("bloc 2") where the referential has no code.
function cqpm.defaults.propose_outcome(ctx)
  local results = ctx.results or {}
  local awarded, all = {}, true
  for bloc_index, bloc in ipairs(ctx.referential.blocs) do
    local complete = true
    for _, competency in ipairs(bloc.competencies) do
      if results[tostring(competency.number)] ~= "acquired" then complete = false end
    end
    if complete then
      awarded[#awarded + 1] = { index = bloc_index, code = bloc.code, title = bloc.title }
    else
      all = false
    end
  end
  if all then return { outcome = "certified", blocs = awarded } end
  if #awarded > 0 then return { outcome = "blocs_awarded", blocs = awarded } end
  return { outcome = "not_certified", blocs = {} }
end

-- The one entry point of the host. Results are wrapped so that nil survives.
function cqpm.dispatch(request)
  local ctx = request.ctx or {}
  -- The version the file is judged under (pinned at registration), else the plugin's own.
  ctx.referential = (request.referential_commit and REFERENTIALS and REFERENTIALS[request.referential_commit])
    or REFERENTIAL
  if request.guard then
    local guard = PLUGIN.guards and PLUGIN.guards[request.guard]
    if guard == nil then error("the plugin has no guard " .. request.guard) end
    return { result = guard(ctx) }
  end
  local hook = PLUGIN[request.hook] or cqpm.defaults[request.hook]
  if hook == nil then error("no hook " .. tostring(request.hook)) end
  return { result = hook(ctx) }
end

return cqpm
