-- Holders reported to the Caisse des Dépôts' « Accrochage » service (issue 16,
-- item 6; accrochage/): the training-account system matches a holder on their
-- civil status, which needs their sex and the INSEE code of their birth place
-- beside the name and birth date already kept. Files opened before this have
-- neither ('' = not recorded); the export lists those holders as to complete.
ALTER TABLE candidate_files ADD COLUMN sex TEXT NOT NULL DEFAULT '';
ALTER TABLE candidate_files ADD COLUMN birth_insee_code TEXT NOT NULL DEFAULT '';
