import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import { DEADLINE_FIELD_MESSAGES } from '../../features/files/deadlines';
import { JURY_FIELD_MESSAGES } from '../../features/juries/jury';
import {
  GENERIC_ERROR,
  INTERNAL_ERROR,
  describeError,
  PLAN_JUSTIFICATION_MESSAGE,
  frenchErrorMessage,
  normaliseField,
  planEntryField,
  pluginMessage,
  registrationFieldOf,
  reportError,
  statusMessage,
  type ErrorContext,
} from './errors';

type Row = [
  name: string,
  code: string,
  field: string | null,
  details: Record<string, unknown> | null,
  context: ErrorContext,
  expected: string,
];

const values = (v: Record<string, unknown>): ErrorContext => ({ values: v });

const ROWS: Row[] = [
  // invalid_field: the new-file form
  ['e-mail', 'invalid_field', 'candidate.email', null, {}, "L'adresse e-mail du candidat n'est pas valide."],
  ['e-mail sent blank', 'invalid_field', 'candidate.email', null, values({ 'candidate.email': ' ' }), "L'adresse e-mail du candidat est obligatoire."],
  ['birth date', 'invalid_field', 'candidate.birth_date', null, {}, 'La date de naissance doit être une date valide (AAAA-MM-JJ), dans le passé.'],
  ['birth date sent', 'invalid_field', 'candidate.birth_date', null, values({ 'candidate.birth_date': '1850-01-01' }), 'La date de naissance doit être une date valide (AAAA-MM-JJ), dans le passé.'],
  ['birth date blank', 'invalid_field', 'candidate.birth_date', null, values({ 'candidate.birth_date': '' }), 'La date de naissance du candidat est obligatoire.'],
  ['birth place too long', 'invalid_field', 'candidate.birth_place', null, values({ 'candidate.birth_place': 'é'.repeat(101) }), 'Le lieu de naissance est trop long (200 caractères au plus).'],
  ['birth place refused', 'invalid_field', 'candidate.birth_place', null, values({ 'candidate.birth_place': 'Lyon\u0007' }), "Le lieu de naissance n'est pas valide : indiquez la ville (et le pays à l'étranger), ou laissez le champ vide."],
  ['birth place, nothing known', 'invalid_field', '$.candidate.birth_place', null, {}, "Le lieu de naissance n'est pas valide : indiquez la ville (et le pays à l'étranger), ou laissez le champ vide."],
  ['sex', 'invalid_field', 'candidate.sex', null, values({ 'candidate.sex': 'X' }), 'Choisissez le sexe tel qu’il figure à l’état civil : Féminin (F) ou Masculin (M), ou laissez « Non renseigné ».'],
  ['sex, nothing known', 'invalid_field', '$.candidate.sex', null, {}, 'Choisissez le sexe tel qu’il figure à l’état civil : Féminin (F) ou Masculin (M), ou laissez « Non renseigné ».'],
  ['INSEE code', 'invalid_field', 'candidate.birth_insee_code', null, values({ 'candidate.birth_insee_code': '6912' }), "Le code INSEE du lieu de naissance n'est pas valide : 5 caractères, le code de la commune (ex. 69123 ; Corse 2A004) ou, pour une naissance à l'étranger, 99 suivi du code du pays (ex. 99350)."],
  ['INSEE code, JSON pointer', 'invalid_field', '/candidate/birth_insee_code', null, {}, "Le code INSEE du lieu de naissance n'est pas valide : 5 caractères, le code de la commune (ex. 69123 ; Corse 2A004) ou, pour une naissance à l'étranger, 99 suivi du code du pays (ex. 99350)."],
  ['holders forbidden', 'forbidden', null, null, { operation: 'holders' }, 'Seuls les coordinateurs de centre et les auditeurs du GTP consultent les titulaires à déclarer à la Caisse des Dépôts.'],
  ['correction of a closed file', 'invalid_state', null, null, { operation: 'correction' }, 'Ce dossier est clos : seuls le sexe et le code INSEE du lieu de naissance peuvent encore être complétés.'],
  ['given name', 'invalid_field', 'candidate.given_name', null, {}, 'Le prénom du candidat est obligatoire.'],
  ['given name blank', 'invalid_field', 'candidate.given_name', null, values({ 'candidate.given_name': '  ' }), 'Le prénom du candidat est obligatoire.'],
  ['given name too long', 'invalid_field', 'candidate.given_name', null, values({ 'candidate.given_name': 'x'.repeat(300) }), 'Le prénom du candidat est trop long (200 caractères au plus).'],
  ['family name', 'invalid_field', 'candidate.family_name', null, {}, 'Le nom du candidat est obligatoire.'],
  ['family name too long', 'invalid_field', 'candidate.family_name', null, values({ 'candidate.family_name': 'y'.repeat(201) }), 'Le nom du candidat est trop long (200 caractères au plus).'],
  ['candidate object', 'invalid_field', 'candidate', null, {}, 'Les informations du candidat sont incomplètes.'],
  ['company', 'invalid_field', 'company_id', null, {}, "Choisissez l'entreprise du candidat (aucune entreprise pour un parcours VAE)."],
  ['cqpm', 'invalid_field', 'cqpm', null, {}, 'Choisissez un CQPM de la liste.'],
  ['pathway', 'invalid_field', 'pathway', null, {}, 'Choisissez un parcours de la liste.'],
  ['JSON-pointer field', 'invalid_field', '/candidate/email', null, {}, "L'adresse e-mail du candidat n'est pas valide."],
  ['JSONPath field', 'invalid_field', '$.candidate.birth_date', null, {}, 'La date de naissance doit être une date valide (AAAA-MM-JJ), dans le passé.'],
  // invalid_field: login, dashboard, transitions, headers
  ['login blank', 'invalid_field', 'login', null, values({ login: '' }), 'Saisissez votre identifiant.'],
  ['login too long', 'invalid_field', 'login', null, values({ login: 'a'.repeat(201) }), "L'identifiant est trop long (200 caractères au plus)."],
  ['password too long', 'invalid_field', 'password', null, values({ password: 'p'.repeat(2000) }), 'Le mot de passe est trop long (1 024 caractères au plus).'],
  ['limit', 'invalid_field', 'limit', null, {}, 'Le nombre de dossiers par page doit être compris entre 1 et 100.'],
  ['cursor', 'invalid_field', 'cursor', null, {}, "Cette page de résultats n'est plus valable. Revenez à la première page."],
  ['search', 'invalid_field', 'q', null, {}, 'La recherche est trop longue (200 caractères au plus).'],
  ['reason', 'invalid_field', 'payload.reason', null, {}, 'Indiquez un motif.'],
  ['blocs', 'invalid_field', 'payload.blocs', null, {}, 'Indiquez au moins un bloc de compétences.'],
  ['expected version', 'invalid_field', 'expected_version', null, {}, "La version du dossier n'est pas valide. Rechargez la page et réessayez."],
  ['transition', 'invalid_field', 'transition', null, {}, 'Cette action est inconnue. Rechargez la page et réessayez.'],
  ['idempotency key', 'invalid_field', 'Idempotency-Key', null, {}, "La demande n'a pas pu être identifiée. Rechargez la page et réessayez."],
  ['unknown field', 'invalid_field', 'something_else', null, {}, "Une des informations saisies n'est pas valide. Vérifiez le formulaire."],
  ['no field', 'invalid_field', null, null, {}, "Une des informations saisies n'est pas valide. Vérifiez le formulaire."],
  // guard_failed
  ['guard reason', 'guard_failed', 'payload.reason', null, {}, 'Indiquez un motif.'],
  ['guard blocs', 'guard_failed', 'payload.blocs', null, {}, 'Indiquez au moins un bloc de compétences.'],
  ['guard identity', 'guard_failed', 'candidate.birth_date', null, {}, "L'identité du candidat est incomplète : il manque sa date de naissance. Complétez le dossier avant cette action."],
  ['guard identity e-mail', 'guard_failed', 'candidate.email', null, {}, "L'identité du candidat est incomplète : il manque son adresse e-mail. Complétez le dossier avant cette action."],
  ['guard identity other', 'guard_failed', 'candidate.phone', null, {}, "L'identité du candidat est incomplète. Complétez le dossier avant cette action."],
  ['guard company VAE', 'guard_failed', 'company_id', null, { pathway: 'vae' }, "Un dossier en VAE ne doit pas avoir d'entreprise : retirez l'entreprise du dossier."],
  ['guard company employee', 'guard_failed', 'company_id', null, { pathway: 'employee' }, "Le dossier d'un salarié doit indiquer l'entreprise qui l'emploie."],
  ['guard company unknown pathway', 'guard_failed', 'company_id', null, {}, "L'entreprise du dossier ne correspond pas au parcours : un salarié a une entreprise, un candidat en VAE n'en a pas."],
  ['guard pathway VAE', 'guard_failed', 'pathway', null, { pathway: 'vae' }, "Un dossier en VAE n'a pas d'avis de l'entreprise : envoyez-le au jury sans cet avis."],
  ['guard pathway employee', 'guard_failed', 'pathway', null, { pathway: 'employee' }, "Seul un dossier en VAE va au jury sans l'avis de l'entreprise : demandez d'abord l'avis de l'entreprise."],
  ['guard pathway unknown', 'guard_failed', 'pathway', null, {}, 'Cette action ne correspond pas au parcours du candidat.'],
  ['guard plugin', 'guard_failed', 'payload.score', null, {}, 'Les conditions de cette action ne sont pas remplies.'],
  ['guard no field', 'guard_failed', null, null, {}, 'Les conditions de cette action ne sont pas remplies.'],
  // CQPM plugins: registration fields and the modality plan
  ['plugin registration refusal', 'invalid_field', 'registration.electrical_habilitations', { message_fr: 'Habilitations électriques détenues : indiquez au moins un élément.', plugin: 'maintenance-industrielle' }, {}, 'Habilitations électriques détenues : indiquez au moins un élément.'],
  ['registration without message_fr', 'invalid_field', 'registration.material_family', null, {}, "Une information demandée par ce CQPM à l'inscription n'est pas valide."],
  ['registration object', 'invalid_field', 'registration', null, {}, "Les informations d'inscription propres au CQPM ne sont pas valides."],
  ['register guard, plugin', 'guard_failed', 'registration.material_family', { message_fr: 'Famille de matière première : information obligatoire.' }, {}, 'Famille de matière première : information obligatoire.'],
  ['register guard, no message_fr', 'guard_failed', 'registration.material_family', null, {}, "Les informations d'inscription propres à ce CQPM sont incomplètes : complétez-les avant cette action."],
  ['plan guard, plugin', 'guard_failed', 'competencies[3].details.technologies', { competency: 4, message_fr: "Compétence 4 : l'équipement doit comporter au moins deux technologies parmi électrique, mécanique, pneumatique.", plugin: 'maintenance-industrielle' }, {}, "Compétence 4 : l'équipement doit comporter au moins deux technologies parmi électrique, mécanique, pneumatique."],
  ['plan guard, blank message_fr', 'guard_failed', 'competencies[3].details.technologies', { competency: 4, message_fr: '  ' }, {}, 'Les précisions demandées par le CQPM pour cette compétence ne conviennent pas.'],
  ['plan guard modality', 'guard_failed', 'competencies[0].modality', null, {}, "Le référentiel ne prévoit pas cette modalité d'évaluation pour ce parcours."],
  ['plan guard justification', 'guard_failed', 'competencies[2].justification', null, {}, PLAN_JUSTIFICATION_MESSAGE],
  ['plan guard missing competency', 'guard_failed', 'competencies', { competency: 2 }, {}, "Chaque compétence doit avoir une modalité d'évaluation prévue."],
  ['agree without a plan', 'guard_failed', 'modality_plan', null, { operation: 'transition' }, "Enregistrez d'abord le plan d'évaluation : chaque compétence doit avoir une modalité, une date, un lieu et au moins un évaluateur."],
  ['plan modality', 'invalid_field', 'competencies[0].modality', null, {}, "Choisissez une modalité d'évaluation."],
  ['plan date', 'invalid_field', 'competencies[0].planned_date', null, values({ 'competencies[0].planned_date': '2027-13-01' }), 'La date prévue doit être une date valide (AAAA-MM-JJ).'],
  ['plan date blank', 'invalid_field', 'competencies[0].planned_date', null, values({ 'competencies[0].planned_date': '' }), "Indiquez la date prévue de l'évaluation."],
  ['plan place blank', 'invalid_field', 'competencies[1].place', null, values({ 'competencies[1].place': ' ' }), "Indiquez le lieu de l'évaluation."],
  ['plan place too long', 'invalid_field', 'competencies[1].place', null, values({ 'competencies[1].place': 'x'.repeat(2001) }), 'Le lieu est trop long (2 000 caractères au plus).'],
  ['plan evaluators', 'invalid_field', 'competencies[1].evaluators', null, {}, 'Choisissez au moins un évaluateur.'],
  ['plan unknown evaluator', 'invalid_field', 'competencies[1].evaluators[0]', null, {}, "Un des évaluateurs choisis n'est pas évaluateur du centre du dossier. Rechargez la page et réessayez."],
  ['plan justification too long', 'invalid_field', 'competencies[1].justification', null, values({ 'competencies[1].justification': 'j'.repeat(3000) }), 'La justification est trop longue (2 000 caractères au plus).'],
  ['plan competency', 'invalid_field', 'competencies[1].competency', null, {}, 'Cette compétence ne figure pas dans le référentiel du CQPM. Rechargez la page et réessayez.'],
  ['plan entry', 'invalid_field', 'competencies[1]', null, {}, "Cette ligne du plan d'évaluation n'est pas valide. Rechargez la page et réessayez."],
  ['plan details', 'invalid_field', 'competencies[1].details', null, {}, 'Les précisions données pour cette compétence sont trop longues.'],
  ['plan list', 'invalid_field', 'competencies', null, {}, "Le plan d'évaluation doit comporter une ligne par compétence."],
  ['plan forbidden', 'forbidden', null, null, { operation: 'plan' }, "Seul le coordinateur du centre du dossier peut établir le plan d'évaluation."],
  ['plan invalid state', 'invalid_state', null, null, { operation: 'plan' }, "Le plan d'évaluation ne se modifie plus : le dossier n'est plus à l'état « Inscrit »."],
  ['unknown CQPM', 'not_found', null, null, { operation: 'cqpm' }, "Ce CQPM n'existe pas sur la plateforme."],
  ['plugin failed', 'plugin_failed', null, null, {}, "Les règles propres à ce CQPM n'ont pas pu être appliquées. Réessayez plus tard ; si l'erreur persiste, prévenez l'administrateur."],
  // referential history and GTP proposals
  ['proposal bloc code', 'invalid_field', 'referential.blocs[1].code', null, { operation: 'propose' }, "Le code du bloc 2 doit s'écrire BDC suivi de quatre chiffres (par exemple BDC0199) et différer des codes des autres blocs."],
  ['proposal empty criterion', 'invalid_field', 'referential.blocs[0].competencies[0].criteria.methods[0]', null, { operation: 'propose' }, 'Un critère ne peut pas être vide.'],
  ['proposal bloc title', 'invalid_field', 'referential.blocs[2].title', null, {}, "L'intitulé du bloc 3 ne peut pas être vide."],
  ['proposal competency title', 'invalid_field', 'referential.blocs[0].competencies[1].title', null, {}, "L'intitulé d'une compétence ne peut pas être vide."],
  ['proposal emptied conditions', 'invalid_field', 'referential.blocs[0].competencies[1].conditions', null, {}, 'Une compétence garde au moins une condition de réalisation.'],
  ['proposal expected result', 'invalid_field', 'referential.blocs[0].competencies[1].expected_results[2]', null, {}, 'Un résultat attendu ne peut pas être vide.'],
  ['proposal knowledge', 'invalid_field', 'referential.blocs[0].knowledge[2]', null, {}, 'Une connaissance associée ne peut pas être vide.'],
  ['proposal numbering', 'invalid_field', 'referential.blocs[1].competencies[0].number', null, {}, "Les compétences restent numérotées de 1 à N, dans l'ordre du référentiel."],
  ['proposal id', 'invalid_field', 'referential.id', null, {}, 'Le référentiel proposé ne correspond pas à ce CQPM. Rechargez la page et réessayez.'],
  ['proposal other member', 'invalid_field', 'referential.modalities[0].label', null, {}, "Le référentiel proposé n'est pas valide : vérifiez les éléments modifiés."],
  ['proposal whole', 'invalid_field', 'referential', null, {}, "Le référentiel proposé n'est pas valide : vérifiez les éléments modifiés."],
  ['proposal reason', 'invalid_field', 'reason', null, { operation: 'reject' }, 'Indiquez un motif.'],
  ['proposal identical', 'unprocessable', 'referential', null, { operation: 'propose' }, "La proposition est identique à la version en vigueur : modifiez au moins un élément avant de l'envoyer."],
  ['proposal by a non-GTP', 'forbidden', null, null, { operation: 'propose' }, 'Seuls les auditeurs du GTP Certifications proposent, approuvent, rejettent ou publient une modification du référentiel.'],
  ['approve twice', 'conflict', null, null, { operation: 'approve' }, "Vous ou votre collège avez déjà approuvé cette proposition : l'approbation de l'autre collège est attendue."],
  ['publish after another version', 'conflict', null, null, { operation: 'publish' }, 'Une autre version du référentiel a été publiée depuis cette proposition : proposez de nouveau la modification sur la version en vigueur.'],
  ['proposal state changed', 'invalid_state', null, null, { operation: 'publish' }, "Cette action n'est plus possible : la proposition a été approuvée, rejetée ou publiée entre-temps. La page a été rechargée."],
  ['unknown proposal', 'not_found', null, null, { operation: 'proposal' }, "Cette proposition n'existe pas."],
  ['unknown version', 'not_found', 'version', null, { operation: 'versions' }, "Cette version du référentiel n'existe pas."],
  ['unknown CQPM history', 'not_found', null, null, { operation: 'versions' }, "Ce CQPM n'existe pas sur la plateforme."],
  ['diff range', 'invalid_field', 'from', null, { operation: 'versions' }, 'Choisissez des versions publiées du référentiel.'],
  // the other codes
  ['version conflict', 'version_conflict', 'expected_version', { current_version: 7 }, {}, "Le dossier a été modifié par quelqu'un d'autre (version 7). La page a été rechargée."],
  ['version conflict, no version', 'version_conflict', 'expected_version', null, {}, "Le dossier a été modifié par quelqu'un d'autre. La page a été rechargée."],
  ['invalid state', 'invalid_state', null, null, {}, "Cette action n'est plus possible dans l'état actuel du dossier."],
  ['forbidden', 'forbidden', null, null, {}, 'Votre rôle ne permet pas cette action.'],
  ['forbidden CSRF', 'forbidden', 'X-CQPM-CSRF', null, {}, 'La demande a été refusée par mesure de sécurité. Rechargez la page et réessayez.'],
  ['not found', 'not_found', null, null, {}, 'Dossier introuvable.'],
  ['not found in a list', 'not_found', null, null, { operation: 'list' }, 'Élément introuvable.'],
  ['rate limited', 'rate_limited', 'login', { retry_after: 30 }, { operation: 'login' }, 'Trop de tentatives, réessayez dans 30 secondes.'],
  ['rate limited, 1 s', 'rate_limited', 'login', { retry_after: 1 }, {}, 'Trop de tentatives, réessayez dans 1 seconde.'],
  ['rate limited, text', 'rate_limited', null, { retry_after: '12' }, {}, 'Trop de tentatives, réessayez dans 12 secondes.'],
  ['rate limited, minutes', 'rate_limited', null, { retry_after: 300 }, {}, 'Trop de tentatives, réessayez dans 5 minutes.'],
  ['rate limited, no delay', 'rate_limited', null, null, {}, 'Trop de tentatives, réessayez dans quelques instants.'],
  ['wrong password', 'unauthenticated', null, null, { operation: 'login' }, 'Identifiant ou mot de passe incorrect.'],
  ['expired session', 'unauthenticated', null, null, {}, 'Votre session a expiré. Reconnectez-vous.'],
  ['payload too large', 'payload_too_large', null, null, {}, 'Les données envoyées sont trop volumineuses : raccourcissez les textes saisis.'],
  ['storage', 'storage_error', null, null, {}, 'Une erreur interne est survenue. Réessayez plus tard.'],
  ['internal', 'internal_error', null, null, {}, 'Une erreur interne est survenue. Réessayez plus tard.'],
  ['unavailable', 'unavailable', null, null, {}, 'Le service est momentanément indisponible. Réessayez dans quelques instants.'],
  ['invalid JSON', 'invalid_json', null, null, {}, "La demande envoyée n'est pas valide. Rechargez la page et réessayez."],
  ['method', 'method_not_allowed', null, null, {}, "Cette opération n'est pas prise en charge. Rechargez la page et réessayez."],
  ['conflict', 'conflict', null, null, {}, "L'opération entre en conflit avec une autre modification. Rechargez la page et réessayez."],
  ['conflict key', 'conflict', 'Idempotency-Key', null, {}, "Cette demande a déjà été envoyée avec d'autres informations. Rechargez la page et réessayez."],
  ['media type', 'unsupported_media_type', 'Content-Type', null, {}, "Le format de la demande n'est pas accepté par le serveur. Rechargez la page et réessayez."],
  ['unknown transition', 'unknown_transition', 'transition', null, {}, "Cette action n'existe pas dans le circuit du dossier. Rechargez la page et réessayez."],
  ['unprocessable', 'unprocessable', null, null, {}, 'La demande ne peut pas être traitée telle quelle. Vérifiez les informations saisies.'],
  ['network', 'network_error', null, null, {}, 'Le serveur ne répond pas. Vérifiez votre connexion.'],
  ['unknown code with status', 'teapot', null, null, { status: 503 }, 'Le service est momentanément indisponible. Réessayez dans quelques instants.'],
  ['unknown code without status', 'teapot', null, null, {}, GENERIC_ERROR],
  ['non-JSON 500', 'http_error', null, null, { status: 500 }, INTERNAL_ERROR],
  // Administration: organisations and accounts
  ['login taken', 'conflict', 'login', null, { operation: 'account' }, 'Cet identifiant est déjà pris.'],
  ['e-mail taken', 'conflict', 'email', null, { operation: 'account' }, 'Cette adresse e-mail est déjà utilisée.'],
  ['SIRET taken', 'conflict', 'siret', null, { operation: 'organisation' }, 'Une entreprise avec ce numéro SIRET existe déjà.'],
  ['SIRET', 'invalid_field', 'siret', null, { operation: 'organisation' }, 'Numéro SIRET invalide (14 chiffres, clé de contrôle).'],
  ['départements', 'invalid_field', 'departements', null, { operation: 'organisation' }, 'Départements invalides : indiquez des codes séparés par des virgules, par exemple 69, 01, 2A, 974.'],
  ['one département', 'invalid_field', 'departements[2]', null, {}, 'Départements invalides : indiquez des codes séparés par des virgules, par exemple 69, 01, 2A, 974.'],
  ['no département', 'invalid_field', 'departements', null, { operation: 'organisation', values: { departements: '' } }, 'Indiquez au moins un département, par exemple 69, 01.'],
  ['région', 'invalid_field', 'region', null, {}, 'Choisissez la région du centre dans la liste.'],
  ['centres', 'invalid_field', 'centre_ids', null, {}, "Choisissez, dans la liste, les centres avec lesquels l'entreprise travaille."],
  ['one centre', 'invalid_field', 'centre_ids[0]', null, {}, "Choisissez, dans la liste, les centres avec lesquels l'entreprise travaille."],
  ['college', 'invalid_field', 'college', null, {}, 'Choisissez le collège (Employeur ou Salarié) : il est obligatoire pour un membre du jury ou un auditeur GTP, et sans objet pour les autres rôles.'],
  ['role', 'invalid_field', 'role', null, {}, 'Choisissez un rôle de la liste.'],
  ['organisation', 'invalid_field', 'organisation_id', null, {}, 'Choisissez, dans la liste, une organisation qui convient au rôle du compte.'],
  ['kind', 'invalid_field', 'kind', null, {}, "Choisissez le type d'organisation."],
  ['organisation name blank', 'invalid_field', 'name', null, values({ name: '' }), "Indiquez le nom de l'organisation."],
  ['organisation name too long', 'invalid_field', 'name', null, values({ name: 'n'.repeat(300) }), "Le nom de l'organisation est trop long (200 caractères au plus)."],
  ['display name', 'invalid_field', 'display_name', null, values({ display_name: '' }), 'Indiquez le nom affiché du compte (prénom et nom).'],
  ['account e-mail', 'invalid_field', 'email', null, values({ email: 'x@' }), 'Adresse e-mail invalide.'],
  ['account e-mail blank', 'invalid_field', 'email', null, values({ email: '' }), "Indiquez l'adresse e-mail."],
  ['account login blank', 'invalid_field', 'login', null, { operation: 'account', values: { login: '' } }, "Indiquez l'identifiant du compte."],
  ['account login refused', 'invalid_field', 'login', null, { operation: 'account', values: { login: 'a b' } }, "Cet identifiant n'est pas accepté : sans espace, 200 caractères au plus."],
  ['forbidden organisation', 'forbidden', null, null, { operation: 'organisation' }, "Vous n'avez pas le droit de créer ou de modifier cette organisation : l'administrateur de la plateforme gère les centres, le GTP et la plateforme ; un coordinateur, les entreprises qui travaillent avec son centre."],
  ['forbidden account', 'forbidden', null, null, { operation: 'account' }, "Vous n'avez pas le droit de créer ou de modifier un compte avec ce rôle dans cette organisation."],
  ['forbidden deactivation', 'forbidden', null, null, { operation: 'account_status' }, "Vous n'avez pas le droit de désactiver ou de réactiver ce compte."],
  ['forbidden invitation', 'forbidden', null, null, { operation: 'invitation' }, "Vous n'avez pas le droit d'envoyer une invitation pour ce compte."],
  ['forbidden log', 'forbidden', null, null, { operation: 'admin_log' }, "Vous n'avez pas le droit de consulter le journal d'administration."],
  ['organisation not found', 'not_found', null, null, { operation: 'organisation' }, "Organisation introuvable : elle n'existe pas, ou vous n'y avez pas accès."],
  ['account not found', 'not_found', null, null, { operation: 'account' }, "Compte introuvable : il n'existe pas, ou vous n'y avez pas accès."],
  ['invitation, password set', 'invalid_state', null, null, { operation: 'invitation' }, "Ce compte a déjà choisi son mot de passe : il n'y a plus d'invitation à envoyer."],
  // One-time links and passwords
  ['too short', 'password_policy', 'password', { rule: 'too_short' }, {}, 'Le mot de passe doit compter au moins 12 caractères.'],
  ['too short, min given', 'password_policy', 'password', { rule: 'too_short', min_length: 14 }, {}, 'Le mot de passe doit compter au moins 14 caractères.'],
  ['same as login', 'password_policy', 'new_password', { rule: 'same_as_login' }, {}, 'Le mot de passe doit être différent de votre identifiant.'],
  ['common', 'password_policy', 'password', { rule: 'common' }, {}, 'Ce mot de passe est trop courant : choisissez-en un plus difficile à deviner.'],
  ['too long', 'password_policy', 'password', { rule: 'too_long' }, {}, 'Le mot de passe est trop long (1 024 caractères au plus).'],
  ['unknown rule', 'password_policy', 'password', { rule: 'entropy' }, {}, 'Ce mot de passe ne respecte pas les règles : au moins 12 caractères, différent de votre identifiant, pas un mot de passe courant.'],
  ['policy as unprocessable', 'unprocessable', 'new_password', { rule: 'common' }, {}, 'Ce mot de passe est trop courant : choisissez-en un plus difficile à deviner.'],
  ['link expired', 'gone', null, { reason: 'expired' }, { operation: 'password_link' }, 'Ce lien a expiré : demandez-en un nouveau.'],
  ['link used', 'gone', null, { reason: 'used' }, { operation: 'password_link' }, "Ce lien a déjà servi : votre mot de passe est choisi. Connectez-vous, ou demandez un nouveau lien si vous l'avez oublié."],
  ['link revoked', 'gone', null, { reason: 'revoked' }, { operation: 'password_link' }, 'Un lien plus récent a été envoyé : utilisez celui du dernier e-mail reçu.'],
  ['link gone', 'gone', null, null, {}, "Ce lien n'est plus valable : demandez-en un nouveau."],
  ['link unknown', 'not_found', null, null, { operation: 'password_link' }, "Ce lien n'est pas valide : vérifiez qu'il est complet (toute l'adresse reçue par e-mail), ou demandez-en un nouveau."],
  ['current password wrong', 'unprocessable', 'current_password', null, { operation: 'password_change' }, 'Mot de passe actuel incorrect.'],
  ['current password blank', 'invalid_field', 'current_password', null, {}, 'Saisissez votre mot de passe actuel.'],
  ['new password blank', 'invalid_field', 'new_password', null, values({ new_password: '' }), 'Saisissez le nouveau mot de passe.'],
  ['link password blank', 'invalid_field', 'password', null, { operation: 'password_link', values: { password: '' } }, 'Saisissez le nouveau mot de passe.'],
  ['login or e-mail', 'invalid_field', 'login_or_email', null, {}, 'Saisissez votre identifiant ou votre adresse e-mail.'],
  ['reset requests limited', 'rate_limited', null, { retry_after: 60 }, { operation: 'password_reset_request' }, 'Trop de demandes, réessayez dans 60 secondes.'],
  ['reset requests limited, no delay', 'rate_limited', null, null, { operation: 'password_reset_request' }, 'Trop de demandes, réessayez dans quelques instants.'],
];

describe('frenchErrorMessage', () => {
  it.each(ROWS)('%s (%s, %s)', (_name, code, field, details, context, expected) => {
    expect(frenchErrorMessage(code, field, details, context)).toBe(expected);
  });

  it('never returns the English message, for every code the API documents', () => {
    const codes = [
      'invalid_json', 'invalid_field', 'unauthenticated', 'forbidden', 'not_found', 'method_not_allowed',
      'invalid_state', 'version_conflict', 'conflict', 'payload_too_large', 'unsupported_media_type',
      'unknown_transition', 'guard_failed', 'unprocessable', 'rate_limited', 'storage_error', 'internal_error',
      'unavailable', 'plugin_failed', 'password_policy', 'gone',
    ];
    const fields = [
      null, 'candidate.given_name', 'candidate.family_name', 'candidate.email', 'candidate.birth_date', 'candidate.birth_place',
      'candidate.sex', 'candidate.birth_insee_code',
      'company_id', 'cqpm', 'pathway', 'payload.reason', 'payload.blocs', 'expected_version', 'transition', 'login', 'password',
      'limit', 'cursor', 'q', 'Idempotency-Key', 'X-CQPM-CSRF', 'registration', 'registration.material_family',
      'competencies', 'competencies[0]', 'competencies[0].modality', 'competencies[2].planned_date',
      'competencies[2].place', 'competencies[2].evaluators[1]', 'competencies[2].justification',
      'competencies[3].details.technologies', 'modality_plan', 'siret', 'departements', 'departements[0]', 'region',
      'centre_ids', 'centre_ids[1]', 'college', 'role', 'organisation_id', 'email', 'display_name', 'name', 'address',
      'kind', 'current_password', 'new_password', 'login_or_email', 'token', 'action', 'active',
    ];
    for (const code of codes) {
      for (const field of fields) {
        const text = frenchErrorMessage(code, field, null);
        expect(text, `${code} ${field}`).toMatch(/^[A-ZÉÈÀÇ].*[.!]$/u);
        expect(text, `${code} ${field}`).not.toMatch(/\b(is|the|must|required|error)\b/);
      }
    }
  });
});

describe('statusMessage', () => {
  it.each([
    [0, 'Le serveur ne répond pas. Vérifiez votre connexion.'],
    [401, 'Votre session a expiré. Reconnectez-vous.'],
    [403, 'Votre rôle ne permet pas cette action.'],
    [410, "Ce lien n'est plus valable : demandez-en un nouveau."],
    [429, 'Trop de tentatives, réessayez dans quelques instants.'],
    [500, INTERNAL_ERROR],
    [502, 'Le service est momentanément indisponible. Réessayez dans quelques instants.'],
    [418, 'La requête a échoué (HTTP 418). Réessayez plus tard.'],
  ])('HTTP %i', (status, expected) => {
    expect(statusMessage(status)).toBe(expected);
  });
});

describe('normaliseField', () => {
  it.each([
    [null, null],
    ['', null],
    ['candidate.email', 'candidate.email'],
    ['$.candidate.email', 'candidate.email'],
    ['/candidate/email', 'candidate.email'],
    ['Idempotency-Key', 'Idempotency-Key'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseField(input)).toBe(expected);
  });
});

describe('plugin messages', () => {
  it('prefers the plugin French sentence to ours, for refusals only', () => {
    const details = { message_fr: 'Compétence 6 : les pièces métalliques sont post-traitées sur un four de traitement thermique : prévoyez-le.' };
    expect(frenchErrorMessage('guard_failed', 'competencies[5].details.heat_treatment_furnace', details)).toBe(details.message_fr);
    expect(frenchErrorMessage('invalid_field', 'registration.x', details)).toBe(details.message_fr);
    expect(frenchErrorMessage('version_conflict', 'expected_version', { ...details, current_version: 3 })).toContain('version 3');
    expect(pluginMessage({ message_fr: 42 })).toBeNull();
    expect(pluginMessage(null)).toBeNull();
  });

  it('reads the field names of plugin refusals', () => {
    expect(registrationFieldOf('registration.electrical_habilitations[1]')).toBe('electrical_habilitations');
    expect(registrationFieldOf('registration')).toBeNull();
    expect(registrationFieldOf('candidate.email')).toBeNull();
    expect(planEntryField('competencies[3].details.technologies')).toEqual({ index: 3, sub: 'details.technologies' });
    expect(planEntryField('competencies[0]')).toEqual({ index: 0, sub: null });
    expect(planEntryField('competencies')).toBeNull();
  });

  it('describeError shows message_fr and keeps the English message for support', () => {
    const err = new ApiError(422, 'guard_failed', 'competency 4: the intervention must be of the 2nd or 3rd level', 'competencies[3].details.intervention_level', {
      competency: 4,
      message_fr: "Compétence 4 : l'intervention doit être de 2e ou de 3e niveau.",
      plugin: 'maintenance-industrielle',
    });
    expect(describeError(err, { operation: 'plan' })).toEqual({
      text: "Compétence 4 : l'intervention doit être de 2e ou de 3e niveau.",
      field: 'competencies[3].details.intervention_level',
      technical:
        'guard_failed [competencies[3].details.intervention_level] (HTTP 422): competency 4: the intervention must be of the 2nd or 3rd level',
    });
  });
});

describe('describeError', () => {
  afterEach(() => vi.restoreAllMocks());

  it('gives French text and keeps the English message for support', () => {
    const err = new ApiError(409, 'version_conflict', 'the file changed since you read it', 'expected_version', {
      current_version: 4,
    });
    expect(describeError(err)).toEqual({
      text: "Le dossier a été modifié par quelqu'un d'autre (version 4). La page a été rechargée.",
      field: 'expected_version',
      technical: 'version_conflict [expected_version] (HTTP 409): the file changed since you read it',
    });
  });

  it('reads a wrong password on the login call', () => {
    const err = new ApiError(401, 'unauthenticated', 'wrong login or password');
    expect(describeError(err, { operation: 'login' }).text).toBe('Identifiant ou mot de passe incorrect.');
    expect(describeError(err).text).toBe('Votre session a expiré. Reconnectez-vous.');
  });

  it('uses the HTTP status for an unknown code', () => {
    expect(describeError(new ApiError(503, 'http_error', 'x')).text).toBe(statusMessage(503));
  });

  it('hides a programming error behind a generic sentence', () => {
    const description = describeError(new TypeError("Cannot read properties of undefined (reading 'x')"));
    expect(description.text).toBe(GENERIC_ERROR);
    expect(description.technical).toContain('TypeError');
  });

  it('reportError writes the English detail to the console', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const description = reportError(new ApiError(500, 'storage_error', 'database is locked'));
    expect(description.text).toBe(INTERNAL_ERROR);
    expect(warn).toHaveBeenCalledWith('CQPM Hub:', 'storage_error (HTTP 500): database is locked');
  });
});

describe('describeError with the sentences of the form\'s fields', () => {
  it("prefers the server's own French sentence", () => {
    const quorum = new ApiError(409, 'invalid_state', 'no member of the employee college', 'quorum', {
      missing_colleges: ['employee'],
      message_fr: 'Quorum non atteint : aucun membre présent du collège salarié.',
    });
    const described = describeError(quorum, { fields: JURY_FIELD_MESSAGES });
    expect(described.text).toBe('Quorum non atteint : aucun membre présent du collège salarié.');
    expect(described.field).toBe('quorum');
    expect(described.technical).toContain('invalid_state');
  });

  it("then the form's field sentences, bloc indexes included", () => {
    expect(describeError(new ApiError(422, 'invalid_field', 'x', 'until'), { fields: DEADLINE_FIELD_MESSAGES }).text).toBe(
      DEADLINE_FIELD_MESSAGES.until,
    );
    expect(describeError(new ApiError(422, 'invalid_field', 'x', 'blocs[1]'), { fields: JURY_FIELD_MESSAGES }).text).toBe(
      JURY_FIELD_MESSAGES.blocs,
    );
  });

  it('then the general sentences', () => {
    expect(describeError(new ApiError(403, 'forbidden', 'x'), { fields: {} }).text).toBe('Votre rôle ne permet pas cette action.');
    expect(describeError(new ApiError(404, 'not_found', 'x'), { fields: {} }).text).toContain('introuvable');
    expect(describeError(new Error('boom'), { fields: {} }).text).toContain('erreur inattendue');
  });
});
