-- Room on each page of change_request for an update's new row version. An approval that changes no indexed
-- column (most steps change only updated_at) can then be a HOT update: the new version on the same page, no
-- entry in any of the table's nine indexes. At fillfactor 100 the bench's updates were never HOT: each one
-- wrote an entry in every index, and after a checkpoint each touched index page went to the WAL whole
-- (docs/performance/ack-path-ninth-session.md). Pages filled before this keep their layout; new rows
-- leave the room.
ALTER TABLE change_request SET (fillfactor = 70);
