// Crises and hazards: declared crises with their areas, alert levels (with history), timeline
// and the missions concerned; hazard feeds, the documents they brought (kept raw, with the
// reasons a document was rejected) and the hazard events parsed from them.
//
// It also gives the registry a spatial index and a change log. The spatial index finds the people
// inside an area without reading the whole registry: an R*Tree kept by triggers on SQLite, a GiST
// index over point(lon, lat) on PostgreSQL. The change log (`people_changes`, one row per insert,
// update or delete of a person, written by triggers so that every writer is covered) lets the
// in-memory population index of each process catch up without rereading the registry.
import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../client';

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const float = dialect === 'postgres' ? 'double precision' : 'real';
  const blob = dialect === 'postgres' ? 'bytea' : 'blob';

  // 'point' when the person gave a position or an address with one; 'city' when only their
  // city's centre places them (the gazetteer's). People without coordinates have null.
  await db.schema.alterTable('people').addColumn('location_precision', 'text').execute();
  await sql`update people set location_precision = 'point' where lat is not null and lon is not null`.execute(
    db,
  );

  if (dialect === 'postgres') {
    await sql`create table people_changes (
      seq bigint generated always as identity primary key,
      person_id text not null,
      at text not null
    )`.execute(db);
    await sql`create function people_changed() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then
          insert into people_changes (person_id, at) values (old.id, to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'));
          return old;
        end if;
        insert into people_changes (person_id, at) values (new.id, to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'));
        return new;
      end $$`.execute(db);
    await sql`create trigger people_changes_trg after insert or update or delete on people
      for each row execute function people_changed()`.execute(db);
    await sql`create index people_point on people using gist (point(lon, lat))
      where lat is not null and lon is not null`.execute(db);
  } else {
    await sql`create table people_changes (
      seq integer primary key autoincrement,
      person_id text not null,
      at text not null
    )`.execute(db);
    const now = sql.raw(`strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`);
    await sql`create trigger people_changes_ins after insert on people begin
      insert into people_changes (person_id, at) values (new.id, ${now});
    end`.execute(db);
    await sql`create trigger people_changes_upd after update on people begin
      insert into people_changes (person_id, at) values (new.id, ${now});
    end`.execute(db);
    await sql`create trigger people_changes_del after delete on people begin
      insert into people_changes (person_id, at) values (old.id, ${now});
    end`.execute(db);
    // The R*Tree is keyed by the person row's rowid, which Siaga never renumbers (it never runs
    // VACUUM; `siaga geo reindex` rebuilds the tree if someone does).
    await sql`create virtual table people_geo using rtree(id, min_x, max_x, min_y, max_y)`.execute(db);
    await sql`insert into people_geo (id, min_x, max_x, min_y, max_y)
      select rowid, lon, lon, lat, lat from people where lat is not null and lon is not null`.execute(db);
    await sql`create trigger people_geo_ins after insert on people
      when new.lat is not null and new.lon is not null begin
      insert into people_geo (id, min_x, max_x, min_y, max_y) values (new.rowid, new.lon, new.lon, new.lat, new.lat);
    end`.execute(db);
    await sql`create trigger people_geo_upd after update of lat, lon on people begin
      delete from people_geo where id = old.rowid;
      insert into people_geo (id, min_x, max_x, min_y, max_y)
        select new.rowid, new.lon, new.lon, new.lat, new.lat where new.lat is not null and new.lon is not null;
    end`.execute(db);
    await sql`create trigger people_geo_del after delete on people begin
      delete from people_geo where id = old.rowid;
    end`.execute(db);
  }
  await db.schema.createIndex('people_changes_at').on('people_changes').column('at').execute();

  await db.schema
    .createTable('crises')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('countries', 'text', (c) => c.notNull())
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('monitoring', 'active', 'closed')`))
    .addColumn('exercise', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('hazard_event_id', 'text')
    .addColumn('declared_by', 'text', (c) => c.notNull())
    .addColumn('declared_by_id', 'text')
    .addColumn('declared_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema.createIndex('crises_declared').on('crises').columns(['declared_at', 'id']).execute();

  // The alert level in force per country of a crisis; the history is in crisis_alert_levels.
  await db.schema
    .createTable('crisis_countries')
    .addColumn('crisis_id', 'text', (c) => c.notNull().references('crises.id').onDelete('cascade'))
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('alert_level', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('crisis_countries_pk', ['crisis_id', 'country'])
    .execute();
  await db.schema.createIndex('crisis_countries_country').on('crisis_countries').column('country').execute();

  await db.schema
    .createTable('crisis_areas')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('crisis_id', 'text', (c) => c.notNull().references('crises.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('polygon', 'circle', 'country', 'admin1')`),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('countries', 'text', (c) => c.notNull())
    // The validated input: GeoJSON geometry, circle centre and radius, or the country/admin-1 code.
    .addColumn('spec', 'text', (c) => c.notNull())
    .addColumn('alert_level', 'text')
    .execute();
  await db.schema
    .createIndex('crisis_areas_crisis')
    .on('crisis_areas')
    .columns(['crisis_id', 'position'])
    .execute();

  await db.schema
    .createTable('crisis_alert_levels')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('crisis_id', 'text', (c) => c.notNull().references('crises.id').onDelete('cascade'))
    .addColumn('country', 'text')
    .addColumn('area_id', 'text')
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('set_by', 'text', (c) => c.notNull())
    .addColumn('set_by_id', 'text')
    .addColumn('set_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('crisis_alert_levels_crisis')
    .on('crisis_alert_levels')
    .columns(['crisis_id', 'set_at'])
    .execute();

  await db.schema
    .createTable('crisis_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('crisis_id', 'text', (c) => c.notNull().references('crises.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    // JSON of what the entry is about (level, country, area, from, to, fields), so that the
    // console can say it in the reader's language; `text` is the English line for logs.
    .addColumn('data', 'text')
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('crisis_events_crisis')
    .on('crisis_events')
    .columns(['crisis_id', 'at'])
    .execute();

  // The missions concerned, derived from the areas and countries whenever they change.
  await db.schema
    .createTable('crisis_missions')
    .addColumn('crisis_id', 'text', (c) => c.notNull().references('crises.id').onDelete('cascade'))
    .addColumn('mission_id', 'text', (c) => c.notNull().references('missions.id'))
    .addPrimaryKeyConstraint('crisis_missions_pk', ['crisis_id', 'mission_id'])
    .execute();
  await db.schema.createIndex('crisis_missions_mission').on('crisis_missions').column('mission_id').execute();

  await db.schema
    .createTable('hazard_feeds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull().unique())
    .addColumn('interval_minutes', 'integer', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    // Conditional GET: what the server said last time.
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('last_polled_at', 'text')
    .addColumn('last_status', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('feed_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('feed_id', 'text', (c) => c.references('hazard_feeds.id').onDelete('set null'))
    .addColumn('file_name', 'text')
    .addColumn('url', 'text')
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('body', blob, (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('accepted', 'partial', 'rejected', 'unchanged')`),
    )
    .addColumn('rejections', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('feed_documents_received')
    .on('feed_documents')
    .columns(['received_at', 'id'])
    .execute();
  await db.schema.createIndex('feed_documents_sha').on('feed_documents').column('sha256').execute();

  await db.schema
    .createTable('hazard_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    // GDACS `EQ:1234`, the USGS id, or the first CAP message's `sender|identifier|sent`.
    .addColumn('external_key', 'text', (c) => c.notNull())
    .addColumn('revision', 'bigint', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('magnitude', float)
    .addColumn('countries', 'text', (c) => c.notNull())
    // JSON: { geometry, circles, point, description } as parsed.
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('radius_km', float)
    .addColumn('radius_set_by', 'text')
    .addColumn('cancelled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('link', 'text')
    .addColumn('document_id', 'text', (c) => c.references('feed_documents.id').onDelete('set null'))
    .addColumn('crisis_id', 'text', (c) => c.references('crises.id').onDelete('set null'))
    .addColumn('revisions', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('hazard_events_key', ['source', 'external_key'])
    .execute();
  await db.schema
    .createIndex('hazard_events_updated')
    .on('hazard_events')
    .columns(['updated_at', 'id'])
    .execute();

  // Every message seen, by its own key: dedupes repeats and resolves CAP `references` (an update
  // or cancellation names earlier messages, CAP 1.2 §3.2.1) to the event they belong to.
  await db.schema
    .createTable('hazard_messages')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('message_key', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull().references('hazard_events.id').onDelete('cascade'))
    .addColumn('revision', 'bigint', (c) => c.notNull())
    .addColumn('document_id', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('hazard_messages_pk', ['source', 'message_key'])
    .execute();
}
